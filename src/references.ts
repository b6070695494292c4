// Legal references in a standard's text: finding them, and checking them against the data in
// checklists/lovhenvisninger.yaml (renumbered provisions, a provision cited for another subject,
// outdated registry names). Pure: the data and the standard come in, findings go out.
import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import { parsePointer, toPointer, valueAt } from './positions.js';
import type { Location, SourceMap } from './positions.js';

export interface Law {
  id: string;
  name: string;
  aliases: string[];
}

export interface Provision {
  id: string;
  law: string;
  paragraph: string;
  stk?: number;
  subject?: string;
  title: string;
  about: string;
  keywords?: string;
  formerly?: { stk: number; source: string };
  since?: string;
  source: string;
}

export interface OutdatedName {
  id: string;
  pattern: string;
  current: string;
  about: string;
  source: string;
}

export interface ReferenceData {
  laws: Law[];
  provisions: Provision[];
  names: OutdatedName[];
}

export interface Citation {
  kind: 'provision' | 'act' | 'name';
  /** The citation as written. */
  text: string;
  /** Where in the data it was found, and its offset in that text value. */
  pointer: string;
  index: number;
  law: string | null;
  paragraph: string | null;
  stk: number | null;
  /** For names: the id of the outdated name; for acts: the act as written. */
  name: string | null;
}

export type ReferenceRule = 'renumbered' | 'subjectMismatch' | 'outdatedName';

export interface ReferenceFinding {
  rule: ReferenceRule;
  severity: 'error' | 'warning';
  citation: string;
  /** The provision or name the citation was read as, and what it should be now. */
  cited: string | null;
  current: string;
  message: { id: MessageId; args: MessageArgs; text: string };
  source: string;
  location: Location;
}

// ---- Extraction ----

const ACT = /\b(?:lov)?bekendtgørelse\s+nr\.?\s*\d+\s+af\s+(?:\d{1,2}\.\s*[a-zæøå]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})/giu;

// The data's patterns are compiled once and reused for every text value and every audit.
const patterns = new WeakMap<ReferenceData, { pattern: RegExp; byAlias: Map<string, string> }>();
const dataPatterns = new Map<string, RegExp>();

/** A pattern from the reference data (an outdated name, a provision's keywords), compiled once. */
function dataPattern(source: string, flags: 'u' | 'iu'): RegExp {
  const key = `${flags}/${source}`;
  let re = dataPatterns.get(key);
  if (!re) dataPatterns.set(key, (re = new RegExp(source, flags)));
  return re;
}

/** The citation pattern for the laws in the data and the law each alias names. */
function lawPattern(data: ReferenceData): { pattern: RegExp; byAlias: Map<string, string> } {
  let known = patterns.get(data);
  if (!known) {
    known = { pattern: buildLawPattern(data), byAlias: new Map(data.laws.flatMap((l) => l.aliases.map((a) => [a.toLowerCase(), l.id] as const))) };
    patterns.set(data, known);
  }
  return known;
}

function buildLawPattern(data: ReferenceData): RegExp {
  const aliases = data.laws.flatMap((l) => l.aliases).sort((a, b) => b.length - a.length);
  const names = aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // "§ 1010" is not § 101, a letter is a paragraph letter only when it stands alone (§ 101 a).
  return new RegExp(`(?:\\b(${names})\\s+)?§§?\\s*(\\d{1,3}(?:\\s?[a-h](?![\\p{L}\\d]))?)(?!\\d)(?:\\s*,?\\s*stk\\.\\s*(\\d{1,2})(?!\\d))?`, 'giu');
}

/** Every citation in one text value. A bare "§ 101" is read as serviceloven, as standards use it. */
export function citationsIn(value: string, pointer: string, data: ReferenceData): Citation[] {
  const out: Citation[] = [];
  for (const n of data.names) {
    const m = dataPattern(n.pattern, 'u').exec(value);
    if (m) out.push({ kind: 'name', text: m[0], pointer, index: m.index, law: null, paragraph: null, stk: null, name: n.id });
  }
  // Most text values cite no law; a cheap test spares them the full patterns.
  if (!/§|nr\./.test(value)) return out.sort((a, b) => a.index - b.index);
  const { pattern, byAlias } = lawPattern(data);
  for (const m of value.matchAll(pattern)) {
    const paragraph = (m[2] as string).replace(/\s+/g, ' ').replace(/(\d)([a-h])$/, '$1 $2');
    const law = m[1] ? (byAlias.get(m[1].toLowerCase()) ?? null) : /^101( a)?$/.test(paragraph) ? 'SEL' : null;
    out.push({ kind: 'provision', text: m[0], pointer, index: m.index ?? 0, law, paragraph, stk: m[3] ? Number(m[3]) : null, name: null });
  }
  for (const m of value.matchAll(ACT)) {
    out.push({ kind: 'act', text: m[0], pointer, index: m.index ?? 0, law: null, paragraph: null, stk: null, name: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Every string in the standard, with its JSON pointer. */
function strings(value: unknown, pointer = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([pointer, value]);
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) strings(value[i], `${pointer}/${i}`, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, pointer + toPointer([k]), out);
  }
  return out;
}

export function extractCitations(standard: unknown, data: ReferenceData): Citation[] {
  const out: Citation[] = [];
  for (const [pointer, value] of strings(standard)) {
    if (pointer.startsWith('/erklæringer/')) continue; // declarations cite requirements, not law
    out.push(...citationsIn(value, pointer, data));
  }
  return out;
}

// ---- Checks ----

/**
 * The sentence around an offset. A sentence ends at a line break or at . ! ? before a capital
 * letter, so the abbreviations of citations ("stk. 3", "nr. 9") do not end it.
 */
function sentenceAt(value: string, index: number): { text: string; offset: number } {
  const boundary = /\n|[.!?:](?=\s+["”»]?\p{Lu})/gu;
  let from = 0;
  let to = value.length;
  for (const m of value.matchAll(boundary)) {
    const at = m.index ?? 0;
    if (at < index) from = at + 1;
    else {
      to = at;
      break;
    }
  }
  return { text: value.slice(from, to), offset: from };
}

export function describeProvision(p: Pick<Provision, 'law' | 'paragraph'> & { stk?: number | null }): string {
  return `${p.law} § ${p.paragraph}${p.stk ? `, stk. ${p.stk}` : ''}`;
}

const msg = (id: MessageId, args: MessageArgs) => ({ id, args, text: t(id, args) });

export function checkCitations(citations: readonly Citation[], standard: unknown, data: ReferenceData, source: SourceMap): ReferenceFinding[] {
  const findings: ReferenceFinding[] = [];
  const seen = new Map<string, number>();
  const locate = (c: Citation) => {
    // The n-th time the same text occurs in the same value is the n-th match in the source.
    const key = `${c.pointer}\u0000${c.text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return source.locateWithin(c.pointer, c.text, n);
  };

  for (const c of citations) {
    const location = locate(c);
    if (c.kind === 'name') {
      const name = data.names.find((n) => n.id === c.name) as OutdatedName;
      findings.push({ rule: 'outdatedName', severity: 'warning', citation: c.text, cited: name.id, current: name.current, source: name.source, location, message: msg('ref.outdatedName', { citation: c.text, current: name.current }) });
      continue;
    }
    if (c.kind !== 'provision' || !c.law || c.stk === null) continue;
    const cited = data.provisions.find((p) => p.law === c.law && p.paragraph === c.paragraph && p.stk === c.stk);
    if (!cited) continue;
    const siblings = data.provisions.filter((p) => p.law === c.law && p.paragraph === c.paragraph && p !== cited);
    const value = valueAt(standard, c.pointer);
    const sentence = sentenceAt(typeof value === 'string' ? value : '', c.index);
    const matches = (p: Provision) => (p.keywords ? dataPattern(p.keywords, 'iu').exec(sentence.text) : null);

    let meant: Provision | undefined;
    if (!matches(cited)) {
      // What the sentence is about: the sibling whose words stand nearest the citation.
      const at = c.index - sentence.offset;
      meant = siblings
        .map((p) => ({ p, m: matches(p) }))
        .filter((x): x is { p: Provision; m: RegExpExecArray } => x.m !== null)
        .sort((a, b) => Math.abs(a.m.index - at) - Math.abs(b.m.index - at))[0]?.p;
      // Without telling words, the section the citation stands in says what it is about.
      const section = parsePointer(c.pointer)[0];
      meant ??= siblings.find((p) => p.subject !== undefined && p.subject === section && cited.subject !== section);
    }
    if (!meant) continue;
    const now = describeProvision(meant);
    if (meant.formerly?.stk === c.stk) {
      findings.push({
        rule: 'renumbered',
        severity: 'error',
        citation: c.text,
        cited: describeProvision(cited),
        current: now,
        source: `${meant.source}; ${meant.formerly.source}`,
        location,
        message: msg('ref.renumbered', { citation: c.text, about: meant.title, current: now, since: meant.since ?? '' }),
      });
    } else {
      findings.push({
        rule: 'subjectMismatch',
        severity: 'error',
        citation: c.text,
        cited: describeProvision(cited),
        current: now,
        source: `${cited.source}; ${meant.source}`,
        location,
        message: msg('ref.subjectMismatch', { citation: c.text, cited: cited.title, about: meant.title, current: now }),
      });
    }
  }
  return findings;
}
