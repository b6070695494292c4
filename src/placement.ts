// Placing a published standard's sections in the format by what they are about. Each section's
// heading and sentences are matched against the search terms of the bek. 1477 § 4 items (the
// evidence engine's terms, one format section per item); the heading counts as one strong signal
// (a usual name, or the plain-language phrasing municipalities use for that subject), each
// sentence that speaks of a subject as one more. A section is placed only when one subject clearly
// wins; otherwise it stays in øvrige_afsnit under its own heading. A paragraph that speaks only of
// a subject no section covers is moved to that subject, with a note saying where it came from.
// Precision first: an uncertain placement is no placement.
import type { Block } from './document.js';
import { compileTerm, matchTerm, passagesOf } from './evidence.js';
import type { CompiledTerm, Passage } from './evidence.js';
import { loadBundledChecklists } from './checklist.js';
import type { Checklist } from './checklist.js';
import { sectionOfHeading } from './headings.js';
import type { Location, SourceMap } from './positions.js';

/** The bek. 1477 § 4 item each section of the format answers. */
export const SECTION_OF_ITEM: Record<string, string> = {
  'bek1477-4.1.1': 'opgaver',
  'bek1477-4.1.2': 'målgruppe',
  'bek1477-4.1.3': 'formål',
  'bek1477-4.1.4': 'organisering',
  'bek1477-4.1.5': 'visitation',
  'bek1477-4.1.6': 'behandlingsgaranti',
  'bek1477-4.1.7': 'frit_valg',
  'bek1477-4.1.8': 'behandlingsplan',
  'bek1477-4.1.9': 'handleplaner',
  'bek1477-4.1.10': 'brugerinddragelse',
  'bek1477-4.1.11': 'kost_og_logi',
  'bek1477-4.1.12': 'klageadgang',
  'bek1477-4.1.13': 'personale',
  'bek1477-4.1.14': 'monitorering',
  'bek1477-4.1.15': 'gavekort',
  'bek1477-4.2': 'behandlingsplan',
};

/**
 * How municipalities name these subjects in plain language ("Hvad koster det?", "Din stemme
 * tæller"): matched against a heading only, never against body text. Checked in this order, so the
 * more specific phrasing wins ("handleplan" before "plan").
 */
const HEADING_CUES: [RegExp, string][] = [
  [/gavekort/iu, 'gavekort'],
  [/handleplan|anden hjælp|hjælp fra (?:andre|kommunen)|sammenhæng i (?:din|hjælpen)/iu, 'handleplaner'],
  [/\bklage|\buenig\b|ankestyrelse/iu, 'klageadgang'],
  [/\bkost(?:er|\b)|betal|egenbetaling|\bpris/iu, 'kost_og_logi'],
  [/frit valg|\bvælge\b/iu, 'frit_valg'],
  [/hvor hurtigt|ventetid|hvor længe (?:skal|må) du vente|garanti/iu, 'behandlingsgaranti'],
  [/behandlingsplan|\bplan(?:en)?\b|\bmål for (?:din|dit)\b/iu, 'behandlingsplan'],
  [/\bi gang\b|visitation|henvend|\bsøge?r? (?:om )?(?:hjælp|behandling)|kommer du i kontakt/iu, 'visitation'],
  [/\bstemme\b|indflydelse|inddrag|medbestem|brugerråd|\bdin mening\b/iu, 'brugerinddragelse'],
  [/hvem møder|medarbejder|personale|kompetence|behandlerne\b|uddannelse/iu, 'personale'],
  [/kvaliteten|holder (?:vi )?øje|monitor|resultater|dokumentation/iu, 'monitorering'],
  [/organiser|\btilbud|\btilbyde/iu, 'organisering'],
  [/\bhvem er (?:hjælpen|tilbuddet|behandlingen) (?:til|for)\b|\bhvem kan (?:få|modtage|benytte)|målgruppe/iu, 'målgruppe'],
  [/opnå(?!\p{L})|formål|værdier|\bmålet med\b|hvorfor/iu, 'formål'],
  [/\bhjælp til\??$|opgaver|ydelsen\b|ydelsens indhold/iu, 'opgaver'],
  [/regler gælder|lovgrundlag|lovgivning|hjemmel/iu, 'lovgrundlag'],
];

/** What a heading names, by its usual name first, then by its plain-language phrasing. */
export function subjectOfHeading(heading: string): string | null {
  const known = sectionOfHeading(heading);
  if (known) return known;
  const bare = heading.replace(/^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+/u, '');
  return HEADING_CUES.find(([re]) => re.test(bare))?.[1] ?? null;
}

/** A heading's signal: worth this many sentences. */
const HEADING_WEIGHT = 3;
/** A heading with the subject's usual name. */
const KNOWN_WEIGHT = 5;
/** The least score that places a section. */
const MIN_SCORE = 2;

export interface RawSection {
  heading: string;
  headingBlock: Block | null;
  blocks: Block[];
}

export interface PlacedSection extends RawSection {
  /** The format section, or null for øvrige_afsnit. */
  key: string | null;
  /** Other § 4 subjects this section also speaks of (for a cross-reference note). */
  alsoAbout: string[];
  /** Set when paragraphs were moved here from another section: that section's heading. */
  movedFrom?: string;
}

let catalogTerms: Map<string, CompiledTerm[]> | undefined;

/** The terms of each format section, from the bek. 1477 items of the bundled checklists. */
export function sectionTerms(lists: readonly Checklist[] = loadBundledChecklists()): Map<string, CompiledTerm[]> {
  const out = new Map<string, CompiledTerm[]>();
  for (const list of lists) {
    for (const r of list.requirements) {
      const key = SECTION_OF_ITEM[r.id];
      if (!key || !r.terms) continue;
      out.set(key, [...(out.get(key) ?? []), ...r.terms.map(compileTerm).filter((t) => t.words.length > 0)]);
    }
  }
  return out;
}

function defaultTerms(): Map<string, CompiledTerm[]> {
  catalogTerms ??= sectionTerms();
  return catalogTerms;
}

/** passagesOf needs positions; the sections here have none of their own (blocks carry theirs). */
const NO_POSITIONS: SourceMap = {
  locate: (pointer) => ({ pointer, exists: false, line: 0, column: 0 }),
  locateWithin: (pointer) => ({ pointer, exists: false, line: 0, column: 0 }),
  positionOf: () => ({ line: 0, column: 0 }),
  locateInValue: (pointer): Location => ({ pointer, exists: true, line: 0, column: 0 }),
};

/** The subjects each passage speaks of. */
function subjectsOf(passage: Passage, terms: Map<string, CompiledTerm[]>): Set<string> {
  const out = new Set<string>();
  for (const [key, list] of terms) if (list.some((t) => matchTerm(passage, t) !== null)) out.add(key);
  return out;
}

interface Scored {
  /** Per paragraph: the subjects of each of its sentences. */
  paragraphs: Set<string>[][];
  heading: Set<string>;
}

function score(sections: readonly RawSection[], terms: Map<string, CompiledTerm[]>): Scored[] {
  const data = { s: sections.map((s) => ({ overskrift: s.heading || '-', tekst: s.blocks.map((b) => b.text) })) };
  const scored: Scored[] = sections.map((s) => ({ paragraphs: s.blocks.map(() => []), heading: new Set<string>() }));
  for (const p of passagesOf(data, NO_POSITIONS)) {
    const [, , i, field, j] = p.pointer.split('/');
    const entry = scored[Number(i)] as Scored;
    const subjects = subjectsOf(p, terms);
    if (field === 'overskrift') for (const k of subjects) entry.heading.add(k);
    else entry.paragraphs[Number(j)]?.push(subjects);
  }
  return scored;
}

/** Each subject's score for a section: the heading's signal plus one per sentence about it. */
function totals(section: RawSection, s: Scored): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, n: number) => out.set(k, (out.get(k) ?? 0) + n);
  // A usual name ("Visitation", "Klageadgang") weighs more than a plain-language phrasing.
  const known = section.heading ? sectionOfHeading(section.heading) : null;
  const named = section.heading ? subjectOfHeading(section.heading) : null;
  const headingSubjects = new Set(s.heading);
  if (named) headingSubjects.add(named);
  for (const k of headingSubjects) add(k, k === known ? KNOWN_WEIGHT : HEADING_WEIGHT);
  for (const para of s.paragraphs) for (const sentence of para) for (const k of sentence) add(k, 1);
  return out;
}

/** The winning subject, or null when none wins clearly. */
function winner(t: Map<string, number>): string | null {
  const ranked = [...t].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_SCORE) return null;
  // A close second means the section is about two things: leave it for the author.
  if (second && second[1] > best[1] / 2 && second[1] >= best[1] - 1) return null;
  return best[0];
}

/**
 * Sections → their place in the format. Paragraphs that speak only of a § 4 subject no section
 * covers (every sentence about it, none about their own section's subject) are moved there.
 */
export function placeSections(sections: readonly RawSection[], terms: Map<string, CompiledTerm[]> = defaultTerms()): PlacedSection[] {
  const scored = score(sections, terms);
  const placed: PlacedSection[] = sections.map((section, i) => {
    const s = scored[i] as Scored;
    const t = totals(section, s);
    const key = section.heading ? winner(t) : null;
    const alsoAbout = [...t.keys()].filter((k) => k !== key && k !== 'lovgrundlag' && (t.get(k) ?? 0) >= 1).sort();
    return { ...section, key, alsoAbout };
  });
  const covered = new Set(placed.map((p) => p.key).filter((k): k is string => k !== null));
  const moved: PlacedSection[] = [];
  placed.forEach((section, i) => {
    const paragraphs = (scored[i] as Scored).paragraphs;
    const keep: Block[] = [];
    section.blocks.forEach((b, j) => {
      const sentences = paragraphs[j] ?? [];
      const subjects = new Set(sentences.flatMap((x) => [...x]));
      const only = subjects.size === 1 ? [...subjects][0] : undefined;
      const all = only !== undefined && sentences.length > 0 && sentences.every((x) => x.has(only));
      if (j > 0 && only && all && !covered.has(only) && terms.has(only) && only !== section.key) {
        const target = moved.find((m) => m.key === only);
        if (target) target.blocks.push(b);
        else moved.push({ heading: section.heading, headingBlock: section.headingBlock, blocks: [b], key: only, alsoAbout: [], movedFrom: section.heading });
        return;
      }
      keep.push(b);
    });
    section.blocks = keep;
  });
  return [...placed, ...moved];
}
