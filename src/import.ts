// `kvalitetstjek import`: an existing standard, read by one of the readers (src/readers/) into the
// document model (src/document.ts) → a YAML draft in the format. Headings are mapped to sections by their usual Danish names;
// facts are lifted only where the text states them plainly; text that fits no section is kept under
// its own heading in øvrige_afsnit. Nothing of the source is dropped. Pure: document in, draft out.
import { Document } from 'yaml';
import { InputError } from './errors.js';
import { MAX_IMPORT_CHARS } from './limits.js';
import { textOf } from './document.js';
import type { Block, SourceDocument } from './document.js';
import { sectionOfHeading } from './headings.js';
import { t } from './messages.js';
import { citationsIn } from './references.js';
import type { ReferenceData } from './references.js';
import { readTextDocument } from './readers/text.js';

/** Labels inside an offer's description, not offers themselves. */
const NOT_OFFERS = new Set(['Målgruppe', 'Formål', 'Hvor og hvornår', 'Indhold', 'Tid', 'Sted']);

interface Section {
  key: string | null;
  heading: string;
  paragraphs: string[];
}

/** Blocks → the title (a first top-level heading before any text) and one section per heading. */
function sectionsOf(blocks: readonly Block[]): { title: string | null; sections: Section[] } {
  const sections: Section[] = [];
  let title: string | null = null;
  let current: Section = { key: null, heading: '', paragraphs: [] };
  const push = () => {
    if (current.paragraphs.length || current.heading) sections.push(current);
  };
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (b.level === 1 && title === null && sections.length === 0 && current.paragraphs.length === 0) {
        title = b.text;
        continue;
      }
      push();
      current = { key: sectionOfHeading(b.text), heading: b.text, paragraphs: [] };
      continue;
    }
    current.paragraphs.push(b.kind === 'item' ? `- ${b.text}` : b.text);
  }
  push();
  return { title, sections };
}

/** The words that show a sentence is about a section's subject (for lifting its legal basis). */
const SUBJECT_WORDS: Record<string, RegExp> = {
  behandlingsgaranti: /behandlingsgaranti/iu,
  frit_valg: /frit valg/iu,
};

const OFFER_TYPES: [RegExp, string][] = [
  [/rådgivning/i, 'rådgivning'],
  [/døgn/i, 'døgn'],
  [/afrusning/i, 'afrusning'],
  [/medicinsk|substitution/i, 'medicinsk'],
  [/lægesamtale/i, 'lægesamtale'],
  [/ad-?hoc/i, 'ad_hoc'],
  [/dagbehandling|dagteam/i, 'dagbehandling'],
  [/pårørende|forældre|familie|børn|voksent barn/i, 'pårørende'],
];

export interface ImportResult {
  yaml: string;
  /** What was placed where: for the review note and for tests. */
  placed: Record<string, number>;
  unplaced: number;
}

export interface ImportOptions {
  source: string;
  date: string;
  references?: ReferenceData;
  kommune?: string;
}

export { MAX_IMPORT_CHARS };

/** Refuses a text beyond MAX_IMPORT_CHARS, before any work is spent on it. */
export function checkSize(text: string, file: string): void {
  if (text.length > MAX_IMPORT_CHARS) throw new InputError(file, undefined, 'import.tooLarge', { limit: MAX_IMPORT_CHARS.toLocaleString('da-DK') });
}

/** Markdown or plain text → a draft (the text reader, then the import). */
export function importStandard(text: string, options: ImportOptions): ImportResult {
  checkSize(text, options.source);
  return importDocument(readTextDocument(text), options);
}

/** A document read from any format → a YAML draft in the format. */
export function importDocument(source: SourceDocument, options: ImportOptions): ImportResult {
  const text = textOf(source);
  checkSize(text, options.source);
  const { title, sections } = sectionsOf(source.blocks);
  const data: Record<string, unknown> = {};
  // A name starts a word and is bounded in length, so a long run of letters costs linear time.
  const kommune = options.kommune ?? /(?<![\p{L}-])([A-ZÆØÅ][\p{L}-]{0,40} Kommune)\b/u.exec(text)?.[1] ?? /(?<![\p{L}-])([A-ZÆØÅ][\p{L}-]{0,40}) [Kk]ommune\b/u.exec(text)?.[0];
  data.kommune = kommune ?? t('import.unknownMunicipality');
  data.titel = title ?? source.blocks[0]?.text ?? t('import.unknownTitle');

  const unplaced: { overskrift: string; tekst: string }[] = [];
  const bySection = new Map<string, { headings: string[]; paragraphs: string[] }>();
  for (const s of sections) {
    if (!s.key) {
      // An unknown heading keeps its text; an empty one is kept as the text itself.
      unplaced.push({ overskrift: s.heading || t('import.noHeading'), tekst: s.paragraphs.join('\n\n') || s.heading });
      continue;
    }
    const entry = bySection.get(s.key) ?? { headings: [], paragraphs: [] };
    // A second heading for the same section is kept inside the text, where it stood.
    if (entry.headings.length) entry.paragraphs.push(s.heading);
    entry.headings.push(s.heading);
    entry.paragraphs.push(...s.paragraphs);
    bySection.set(s.key, entry);
  }

  const placed: Record<string, number> = {};
  for (const [key, { headings, paragraphs }] of bySection) {
    if (!paragraphs.length) paragraphs.push(headings[0] as string); // a heading with nothing under it
    placed[key] = paragraphs.length;
    const section: Record<string, unknown> = { overskrift: headings[0], tekst: paragraphs.join('\n\n') };
    const all = paragraphs.join(' ');
    if (key === 'behandlingsgaranti') {
      const days = /(?:behandlingsgaranti|iværksættes|iværksat)[^.]*?\b(\d{1,2}) dage|\b(\d{1,2}) dage[^.]*?(?:behandlingsgaranti|iværksætte)/iu.exec(all);
      if (days) section.frist_dage = Number(days[1] ?? days[2]);
    }
    if (key === 'behandlingsplan' && /\b(?:en|1) måned/iu.test(all) && /\b(?:seks|6) måneder/iu.test(all)) section.opfølgning_efter_måneder = [1, 6];
    const subject = SUBJECT_WORDS[key];
    if (subject && options.references) {
      // Only citations in a sentence that names the subject are its legal basis.
      const sentences = all.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((x) => subject.test(x));
      const cites = sentences.flatMap((x) => citationsIn(x, '', options.references as ReferenceData)).filter((c) => c.kind === 'provision' && c.stk !== null);
      if (cites.length) section.hjemmel = [...new Set(cites.map((c) => c.text))];
    }
    if (key === 'monitorering') {
      // A list item that begins with a registry's name and abbreviation, e.g. "… (SIB)".
      const registries = paragraphs.flatMap((p) => /^- ([^()]{3,80}\([A-ZÆØÅ]{2,}\))/u.exec(p)?.[1] ?? []);
      if (registries.length) section.indberetning = registries;
    }
    if (key === 'organisering') {
      const offers = liftOffers(paragraphs, headings);
      if (offers.length) section.tilbud = offers;
    }
    if (key === 'lovgrundlag') {
      data.lovgrundlag = { overskrift: section.overskrift, tekst: section.tekst };
      continue;
    }
    data[key] = section;
  }
  if (unplaced.length) data.øvrige_afsnit = unplaced;

  const doc = new Document(order(data));
  doc.commentBefore = t('import.header', { source: options.source, date: options.date });
  return { yaml: doc.toString({ lineWidth: 0, blockQuote: 'literal' }), placed, unplaced: unplaced.length };
}

/** Offers: list items of the form "Name: description", and a Døgnbehandling heading. */
function liftOffers(paragraphs: readonly string[], headings: readonly string[]): Record<string, unknown>[] {
  const offers: Record<string, unknown>[] = [];
  for (const p of paragraphs) {
    const m = /^- ([^:]{3,60}):\s*(.+)$/u.exec(p);
    if (!m) continue;
    const navn = (m[1] as string).trim().replace(/^[”"]|[”"]$/g, '');
    if (NOT_OFFERS.has(navn) || navn.split(/\s+/).length > 6) continue;
    offers.push({ navn, type: OFFER_TYPES.find(([re]) => re.test(navn))?.[1] ?? 'andet', indhold: (m[2] as string).trim() });
  }
  if (headings.some((h) => /^Døgnbehandling/u.test(h))) offers.push({ navn: 'Døgnbehandling', type: 'døgn' });
  return offers;
}

/** Keys in the format's order, so the draft reads like the skeleton. */
function order(data: Record<string, unknown>): Record<string, unknown> {
  const keys = ['kommune', 'titel', 'lovgrundlag', 'opgaver', 'målgruppe', 'formål', 'organisering', 'visitation', 'behandlingsgaranti', 'frit_valg', 'behandlingsplan', 'handleplaner', 'brugerinddragelse', 'kost_og_logi', 'klageadgang', 'personale', 'monitorering', 'gavekort', 'varighed', 'tilsyn', 'øvrige_afsnit'];
  return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}
