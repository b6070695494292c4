// Legal references in a standard's text: finding them, and checking them against the data in
// checklists/lovhenvisninger.yaml (renumbered provisions, a provision cited for another subject,
// outdated registry names). Pure: the data and the standard come in, findings go out.
import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import { parsePointer, toPointer, valueAt } from './positions.js';
import type { Location, SourceMap } from './positions.js';

/** A public source: an act, bekendtgørelse, vejledning, bill or guideline, with its number and date. */
export interface Source {
  id: string;
  title: string;
  number: string;
  date: string;
}

/** Where a fact comes from: a source in the data and, where it helps, the part of it. */
export interface SourceRef {
  ref: string;
  part?: string;
}

export interface Law {
  id: string;
  name: string;
  aliases: string[];
  from?: string;
  sources: SourceRef[];
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
  /** The first and last day the provision applies under this number (ISO dates). */
  from?: string;
  until?: string;
  replacedBy?: string[];
  formerly?: { stk: number; until: string; sources: SourceRef[] }[];
  /** From a date the provision no longer applies to children and young people. */
  underAge?: { context: string; from: string; replacedBy: string[]; sources: SourceRef[] };
  sources: SourceRef[];
}

/** A register a standard may name as the place to report to, when another is the right one. */
export interface Register {
  id: string;
  pattern: string;
  title: string;
  context: string;
  expected: string;
  expectedPattern: string;
  from?: string;
  until?: string;
  about: string;
  sources: SourceRef[];
}

export interface ReferenceData {
  sources: Source[];
  laws: Law[];
  provisions: Provision[];
  registers: Register[];
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
  /** For names: the id of the register; for acts: the act as written. */
  name: string | null;
}

export type ReferenceRule = 'renumbered' | 'subjectMismatch' | 'moved' | 'wrongRegister';

export interface ReferenceFinding {
  rule: ReferenceRule;
  severity: 'error' | 'warning';
  citation: string;
  /** The provision or name the citation was read as, and what it should be now. */
  cited: string | null;
  current: string;
  message: { id: MessageId; args: MessageArgs; text: string };
  /** The public sources of the facts behind the finding, as they are cited. */
  source: string;
  location: Location;
}

/** A fact's sources as a lawyer cites them: "Lov nr. 1421 af 17. december 2019 …, § 1, nr. 2; …". */
export function citeSources(refs: readonly SourceRef[], data: ReferenceData): string {
  return refs
    .map((r) => {
      const s = data.sources.find((x) => x.id === r.ref);
      return s ? `${s.title}${r.part ? `, ${r.part}` : ''}` : r.ref;
    })
    .join('; ');
}

/** Is the provision (or name) in force on the date? Dates are ISO, so they compare as strings. */
export const inForce = (x: { from?: string; until?: string }, date: string): boolean => (x.from === undefined || x.from <= date) && (x.until === undefined || date <= x.until);

/** The day after an ISO date: when something that applied until that day stopped applying. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
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
  for (const n of data.registers) {
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

/** The words around a citation that say whose care the standard speaks of. */
const mentions = (value: string, pattern: string) => dataPattern(pattern, 'iu').test(value);

/**
 * Check the citations against the law as it stands on the audit date: a renumbered provision, a
 * provision cited for another subject, one that has moved to another act (or no longer covers
 * children and young people), and a register named as the place to report to when another is.
 */
export function checkCitations(citations: readonly Citation[], standard: unknown, data: ReferenceData, source: SourceMap, auditDate: string): ReferenceFinding[] {
  const findings: ReferenceFinding[] = [];
  const seen = new Map<string, number>();
  const locate = (c: Citation) => {
    // The n-th time the same text occurs in the same value is the n-th match in the source.
    const key = `${c.pointer}\u0000${c.text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return source.locateWithin(c.pointer, c.text, n);
  };
  const byId = (id: string) => data.provisions.find((p) => p.id === id) as Provision;
  const lawName = (id: string) => data.laws.find((l) => l.id === id)?.name ?? id;
  const named = (ids: readonly string[]) => ids.map((id) => describeProvision(byId(id))).join(', ');
  const titled = (ids: readonly string[]) => ids.map((id) => `${byId(id).title} (${describeProvision(byId(id))})`).join('; ');
  const textOf = (c: Citation) => {
    const value = valueAt(standard, c.pointer);
    return typeof value === 'string' ? value : '';
  };
  // Whether the standard names a register anywhere (once per register and audit).
  const allText = extractText(standard);
  const names = new Map<string, boolean>();
  const standardNames = (pattern: string) => {
    let found = names.get(pattern);
    if (found === undefined) names.set(pattern, (found = dataPattern(pattern, 'u').test(allText)));
    return found;
  };

  for (const c of citations) {
    const location = locate(c);
    if (c.kind === 'name') {
      const register = data.registers.find((n) => n.id === c.name) as Register;
      if (!inForce(register, auditDate) || standardNames(register.expectedPattern)) continue;
      // Named as where data is reported: in a text about reporting, or a field for it.
      if (!mentions(textOf(c), register.context) && !mentions(c.pointer, register.context)) continue;
      findings.push({
        rule: 'wrongRegister',
        severity: 'warning',
        citation: c.text,
        cited: register.title,
        current: register.expected,
        source: citeSources(register.sources, data),
        location,
        message: msg('ref.wrongRegister', { citation: c.text, about: register.about, current: register.expected }),
      });
      continue;
    }
    if (c.kind !== 'provision' || !c.law) continue;
    const sentence = sentenceAt(textOf(c), c.index);

    // A provision that no longer applies, and what took over from it.
    const gone = data.provisions.find((p) => p.law === c.law && p.paragraph === c.paragraph && p.replacedBy && p.until !== undefined && p.until < auditDate);
    if (gone?.replacedBy && gone.until) {
      const since = dayAfter(gone.until);
      const to = gone.replacedBy.map(byId);
      findings.push({
        rule: 'moved',
        severity: 'error',
        citation: c.text,
        cited: describeProvision(gone),
        current: named(gone.replacedBy),
        source: citeSources([...gone.sources, ...to.flatMap((p) => p.sources)], data),
        location,
        message: msg('ref.moved', { citation: c.text, cited: gone.title, since: longDate(since), law: lawName(to[0]?.law ?? ''), current: titled(gone.replacedBy) }),
      });
      continue;
    }

    // A provision that, from a date, no longer covers children and young people.
    const whole = data.provisions.find((p) => p.law === c.law && p.paragraph === c.paragraph && p.stk === undefined);
    const minors = whole?.underAge && whole.underAge.from <= auditDate && mentions(sentence.text, whole.underAge.context) && !mentionsLaw(textOf(c), whole.underAge.replacedBy.map(byId), data) ? whole.underAge : undefined;

    const renumbered = c.stk === null ? undefined : checkNumber(c, sentence, data, auditDate);
    if (renumbered) {
      const { cited, meant, formerly } = renumbered;
      const now = describeProvision(meant);
      if (formerly) {
        const args = { citation: c.text, about: meant.title, current: now, since: longDate(dayAfter(formerly.until)), minors: minors ? t('ref.minorsToo', { law: lawName(byId(minors.replacedBy[0] as string).law), current: titled(minors.replacedBy) }) : '' };
        findings.push({
          rule: 'renumbered',
          severity: 'error',
          citation: c.text,
          cited: describeProvision(cited),
          current: now,
          source: citeSources([...meant.sources, ...formerly.sources, ...(minors?.sources ?? [])], data),
          location,
          message: msg('ref.renumbered', args),
        });
      } else {
        findings.push({
          rule: 'subjectMismatch',
          severity: 'error',
          citation: c.text,
          cited: describeProvision(cited),
          current: now,
          source: citeSources([...cited.sources, ...meant.sources], data),
          location,
          message: msg('ref.subjectMismatch', { citation: c.text, cited: cited.title, about: meant.title, current: now }),
        });
      }
      continue;
    }
    if (minors) {
      const to = minors.replacedBy.map(byId);
      findings.push({
        rule: 'moved',
        severity: 'error',
        citation: c.text,
        cited: describeProvision({ law: c.law, paragraph: c.paragraph ?? '', stk: c.stk }),
        current: named(minors.replacedBy),
        source: citeSources(minors.sources, data),
        location,
        message: msg('ref.movedMinors', { citation: c.text, since: longDate(minors.from), law: lawName(to[0]?.law ?? ''), current: titled(minors.replacedBy) }),
      });
    }
  }
  return findings;
}

/** Whether a text names the act (by any of its aliases) that now holds the provisions. */
function mentionsLaw(value: string, provisions: readonly Provision[], data: ReferenceData): boolean {
  const aliases = data.laws.filter((l) => provisions.some((p) => p.law === l.id)).flatMap((l) => l.aliases);
  // Whole words only: the abbreviation "BL" is no part of "problemer".
  return aliases.some((a) => dataPattern(`(?<![\\p{L}\\d])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'iu').test(value));
}

/**
 * A citation of a stk. read against its sentence: the provision the sentence is about when it is
 * not the one cited, and whether the cited number is that provision's number before a renumbering
 * in force on the audit date.
 */
function checkNumber(c: Citation, sentence: { text: string; offset: number }, data: ReferenceData, auditDate: string): { cited: Provision; meant: Provision; formerly?: NonNullable<Provision['formerly']>[number] } | undefined {
  const cited = data.provisions.find((p) => p.law === c.law && p.paragraph === c.paragraph && p.stk === c.stk);
  if (!cited) return undefined;
  const siblings = data.provisions.filter((p) => p.law === c.law && p.paragraph === c.paragraph && p.stk !== undefined && p !== cited);
  const matches = (p: Provision) => (p.keywords ? dataPattern(p.keywords, 'iu').exec(sentence.text) : null);
  if (matches(cited)) return undefined;
  const oldNumber = (p: Provision) => p.formerly?.find((f) => f.stk === c.stk && f.until < auditDate);
  // The provision that had this number before, when the sentence speaks of its subject.
  const before = siblings.find((p) => oldNumber(p) && matches(p));
  if (before) return { cited, meant: before, formerly: oldNumber(before) };
  // Otherwise what the sentence is about: the sibling whose words stand nearest the citation.
  const at = c.index - sentence.offset;
  let meant = siblings
    .map((p) => ({ p, m: matches(p) }))
    .filter((x): x is { p: Provision; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Math.abs(a.m.index - at) - Math.abs(b.m.index - at))[0]?.p;
  // Without telling words, the section the citation stands in says what it is about.
  const section = parsePointer(c.pointer)[0];
  meant ??= siblings.find((p) => p.subject !== undefined && p.subject === section && cited.subject !== section);
  if (!meant) return undefined;
  return { cited, meant, formerly: oldNumber(meant) };
}

/** Every string of the standard (outside its declarations) joined, to ask whether it names something. */
function extractText(standard: unknown): string {
  return strings(standard)
    .filter(([pointer]) => !pointer.startsWith('/erklæringer/'))
    .map(([, v]) => v)
    .join('\n');
}

/** An ISO date in words, as Danish legal texts write it (1. januar 2024). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return t('date.long', { day: d ?? 1, month: m ?? 1, year: y ?? 0 });
}
