// `kvalitetstjek import`: an existing standard as Markdown or plain text (copied from a web page or
// a PDF) → a YAML draft in the format. Headings are mapped to sections by their usual Danish names;
// facts are lifted only where the text states them plainly; text that fits no section is kept under
// its own heading in øvrige_afsnit. Nothing of the source is dropped. Pure: text in, draft out.
import { marked } from 'marked';
import type { Token, Tokens } from 'marked';
import { Document } from 'yaml';
import { t } from './messages.js';
import { citationsIn } from './references.js';
import type { ReferenceData } from './references.js';

/** Usual headings (and synonyms) → section. Longer phrases first: they win over their prefixes. */
const HEADINGS: [string, string][] = [
  ['Faglig kvalitet og opfølgning', 'personale'],
  ['Opfølgning på færdigbehandlede', 'behandlingsplan'],
  ['Opfølgning på behandlingsplanen', 'behandlingsplan'],
  ['Monitorering af indsatsen', 'monitorering'],
  ['Mulighed for frit valg', 'frit_valg'],
  ['Omkostninger for borgeren', 'kost_og_logi'],
  ['Levering af ydelsen', 'organisering'],
  ['Varighed af ydelsen', 'varighed'],
  ['Målet med indsatsen', 'formål'],
  ['Kost og logi', 'kost_og_logi'],
  ['Faglig kvalitet', 'personale'],
  ['Frit valg', 'frit_valg'],
  ['Formål', 'formål'],
  ['Lovgrundlag', 'lovgrundlag'],
  ['Målgruppe', 'målgruppe'],
  ['Organisering', 'organisering'],
  ['Indhold', 'organisering'],
  ['Tilbud', 'organisering'],
  ['Døgnbehandling', 'organisering'],
  ['Visitation', 'visitation'],
  ['Behandlingsgaranti', 'behandlingsgaranti'],
  ['Varighed', 'varighed'],
  ['Omkostninger', 'kost_og_logi'],
  ['Egenbetaling', 'kost_og_logi'],
  ['Personale', 'personale'],
  ['Kompetencer', 'personale'],
  ['Tilsyn', 'tilsyn'],
  ['Monitorering', 'monitorering'],
  ['Dokumentation', 'monitorering'],
  ['Behandlingsplan', 'behandlingsplan'],
  ['Opfølgning', 'behandlingsplan'],
  ['Handleplaner', 'handleplaner'],
  ['Handleplan', 'handleplaner'],
  ['Brugerinddragelse', 'brugerinddragelse'],
  ['Klageadgang', 'klageadgang'],
  ['Klagevejledning', 'klageadgang'],
  ['Sagsbehandling', 'klageadgang'],
  ['Gavekort', 'gavekort'],
  ['Opgaver', 'opgaver'],
];

const BULLET = /^\s*[•¶ü\uF0B7\u2022-]\s*|^\s+/u;
/** Labels inside an offer's description, not offers themselves. */
const NOT_OFFERS = new Set(['Målgruppe', 'Formål', 'Hvor og hvornår', 'Indhold', 'Tid', 'Sted']);

interface Section {
  key: string | null;
  heading: string;
  paragraphs: string[];
}

/** A heading phrase at the start of a line: followed by the end, two spaces, or a capitalised word. */
function headingAt(line: string): [phrase: string, key: string, rest: string] | null {
  const text = line.trim();
  for (const [phrase, key] of HEADINGS) {
    if (!text.startsWith(phrase)) continue;
    const rest = text.slice(phrase.length);
    if (rest === '' || /^\s{2,}/.test(rest) || /^\s+\p{Lu}/u.test(rest) || /^\s+-\s/.test(rest)) return [phrase, key, rest.trim().replace(/^-\s*/, '')];
  }
  return null;
}

/**
 * Plain text (from a PDF or a web page) → Markdown: known headings become ## headings; a line that
 * starts with a bullet or an indent (a PDF's lost bullet) starts a list item, which runs on until
 * the next item or heading.
 */
export function plainToMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let block: { item: boolean; parts: string[] } | null = null;
  const flush = () => {
    if (block?.parts.length) {
      const body = block.parts.join(' ').replace(/\s+/g, ' ').trim();
      out.push(block.item ? `- ${body}` : body, block.item ? '' : '');
    }
    block = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.trim()) continue;
    // A heading can be broken over two lines ("Levering af" / "ydelsen").
    const nextIndex = lines.findIndex((l, j) => j > i && l.trim() !== '');
    const next = nextIndex > 0 ? (lines[nextIndex] as string) : '';
    const one = headingAt(line);
    const two = headingAt(`${line.trim()} ${next.trim()}`);
    const spans = two !== null && two[0].length > line.trim().length && (one === null || two[0].length > one[0].length);
    const match = spans ? two : one;
    if (match && !/^\s*[•¶ü\uF0B7\u2022-]/u.test(line)) {
      flush();
      out.push(`## ${match[0]}`, '');
      if (spans) i = nextIndex;
      if (match[2]) block = { item: false, parts: [match[2]] };
      continue;
    }
    if (/^\s/.test(line) || BULLET.test(line)) {
      flush();
      block = { item: true, parts: [line.replace(BULLET, '').trim()] };
      continue;
    }
    block ??= { item: false, parts: [] };
    block.parts.push(line.trim());
  }
  flush();
  return out.join('\n');
}

function sectionsOf(markdown: string): { title: string | null; sections: Section[] } {
  const tokens = marked.lexer(markdown);
  const sections: Section[] = [];
  let title: string | null = null;
  let current: Section = { key: null, heading: '', paragraphs: [] };
  const push = () => {
    if (current.paragraphs.length || current.heading) sections.push(current);
  };
  const textOf = (tok: Token): string[] => {
    if (tok.type === 'list') return (tok as Tokens.List).items.map((it) => `- ${it.text.replace(/\s+/g, ' ').trim()}`);
    if ('text' in tok && typeof tok.text === 'string') return [tok.text.replace(/\s+/g, ' ').trim()];
    return [];
  };
  for (const tok of tokens) {
    if (tok.type === 'heading') {
      const h = (tok as Tokens.Heading).text.trim();
      if (tok.depth === 1 && title === null && sections.length === 0 && current.paragraphs.length === 0) {
        title = h;
        continue;
      }
      push();
      current = { key: headingAt(h)?.[1] ?? null, heading: h, paragraphs: [] };
      continue;
    }
    if (tok.type === 'space') continue;
    current.paragraphs.push(...textOf(tok).filter(Boolean));
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

export function importStandard(text: string, options: ImportOptions): ImportResult {
  const isMarkdown = /^#{1,6}\s/m.test(text);
  const { title, sections } = sectionsOf(isMarkdown ? text : plainToMarkdown(text));
  const data: Record<string, unknown> = {};
  const firstLine = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const kommune = options.kommune ?? /([A-ZÆØÅ][\p{L}-]+ Kommune)\b/u.exec(text)?.[1] ?? /([A-ZÆØÅ][\p{L}-]+) [Kk]ommune\b/u.exec(text)?.[0];
  data.kommune = kommune ?? t('import.unknownMunicipality');
  data.titel = title ?? firstLine.replace(/^#+\s*/, '');

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
