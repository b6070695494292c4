// `kvalitetstjek import`: an existing standard as Markdown or plain text (copied from a web page or
// a PDF) → a YAML draft in the format. Headings are mapped to sections by their usual Danish names;
// facts are lifted only where the text states them plainly; text that fits no section is kept under
// its own heading in øvrige_afsnit. Nothing of the source is dropped. Pure: text in, draft out.
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { Document } from 'yaml';
import { InputError } from './errors.js';
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
    let nextIndex = i + 1;
    while (nextIndex < lines.length && (lines[nextIndex] as string).trim() === '') nextIndex++;
    const next = lines[nextIndex] ?? '';
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

/** The largest text import takes (characters): far above any standard, well within time and memory. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** Deeper nesting (list markers, > and indentation on one line) makes a block plain text. */
const MAX_NESTING = 12;

/** How deeply a line nests containers: list markers and > at its start, and its indentation. */
function nesting(line: string): number {
  const m = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*/.exec(line) as RegExpExecArray;
  const markers = (m[0].match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
  const indent = /^[ \t]*/.exec(line.slice(m[0].length))?.[0].length ?? 0;
  return markers + Math.floor((m[0].length + indent) / 2);
}

/**
 * Markdown → block tokens, in time linear in the text. Only block structure is read (the draft keeps
 * each block's text as written), so marked's inline lexer never runs. marked nests one call per
 * level of list or quote, so a block nested deeper than MAX_NESTING (a line of "* * * …", a list
 * indented a thousand levels) would cost time and stack out of all proportion: such a block is kept
 * as a plain paragraph, line by line, and the blocks around it are read as usual.
 */
function blockTokens(markdown: string): Token[] {
  const tokens: Token[] = [];
  let pending: string[] = [];
  const lex = () => {
    if (pending.length) tokens.push(...new Lexer().blockTokens(pending.join('\n'), []));
    pending = [];
  };
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n(?=[ \t]*\n)/);
  for (const block of blocks) {
    const lines = block.split('\n');
    if (lines.some((l) => nesting(l) > MAX_NESTING)) {
      lex();
      const text = lines.map((l) => l.trim()).filter(Boolean).join('\n');
      if (text) tokens.push({ type: 'paragraph', raw: block, text, tokens: [] });
    } else {
      pending.push(block);
    }
  }
  lex();
  return tokens;
}

/** A block's text as the draft keeps it; a table row by row, each row as a line. */
function textOf(tok: Token): string[] {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  switch (tok.type) {
    case 'space':
    case 'hr':
      return [];
    case 'list':
      return (tok as Tokens.List).items.map((it) => `- ${flat(it.text)}`);
    case 'table': {
      const table = tok as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => `| ${cells.map((c) => flat(c.text)).join(' | ')} |`;
      return [[row(table.header), ...table.rows.map(row)].join('\n')];
    }
    default:
      // Text where the token has it; else what was written (a link definition, say).
      return [flat('text' in tok && typeof tok.text === 'string' ? tok.text : tok.raw)];
  }
}

/**
 * plainToMarkdown's output, read as what it is: "## " headings, "- " items and paragraphs. Read as
 * Markdown, the plain text's own characters (a line of ~~~, a [label]: definition) would turn into
 * structure and swallow words.
 */
function plainTokens(markdown: string): Token[] {
  return markdown
    .split('\n')
    .filter((l) => l.trim())
    .map((raw): Token => {
      if (raw.startsWith('## ')) return { type: 'heading', raw, depth: 2, text: raw.slice(3), tokens: [] };
      if (raw.startsWith('- ')) return { type: 'list', raw, ordered: false, start: '', loose: false, items: [{ type: 'list_item', raw, task: false, loose: false, text: raw.slice(2), tokens: [] }] };
      return { type: 'paragraph', raw, text: raw, tokens: [] };
    });
}

function sectionsOf(tokens: readonly Token[]): { title: string | null; sections: Section[] } {
  const sections: Section[] = [];
  let title: string | null = null;
  let current: Section = { key: null, heading: '', paragraphs: [] };
  const push = () => {
    if (current.paragraphs.length || current.heading) sections.push(current);
  };
  for (const tok of tokens) {
    if (tok.type === 'heading') {
      const h = (tok as Tokens.Heading).text.trim();
      if (!h) continue; // a bare "#": no words to keep
      if (tok.depth === 1 && title === null && sections.length === 0 && current.paragraphs.length === 0) {
        title = h;
        continue;
      }
      push();
      current = { key: headingAt(h)?.[1] ?? null, heading: h, paragraphs: [] };
      continue;
    }
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
  if (text.length > MAX_IMPORT_CHARS) throw new InputError(options.source, undefined, 'import.tooLarge', { limit: MAX_IMPORT_CHARS.toLocaleString('da-DK') });
  const isMarkdown = /^#{1,6}\s/m.test(text);
  const { title, sections } = sectionsOf(isMarkdown ? blockTokens(text) : plainTokens(plainToMarkdown(text)));
  const data: Record<string, unknown> = {};
  // Without a title heading, the first line that has something besides Markdown's # marks.
  const firstLine = text.split('\n').map((l) => l.replace(/^\s*#+/, '').trim()).find(Boolean);
  // A name starts a word and is bounded in length, so a long run of letters costs linear time.
  const kommune = options.kommune ?? /(?<![\p{L}-])([A-ZÆØÅ][\p{L}-]{0,40} Kommune)\b/u.exec(text)?.[1] ?? /(?<![\p{L}-])([A-ZÆØÅ][\p{L}-]{0,40}) [Kk]ommune\b/u.exec(text)?.[0];
  data.kommune = kommune ?? t('import.unknownMunicipality');
  data.titel = title ?? firstLine ?? t('import.unknownTitle');

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
      // Within one sentence, and a bounded distance, so a text without full stops stays linear.
      const days = /(?:behandlingsgaranti|iværksættes|iværksat)[^.]{0,300}?\b(\d{1,2}) dage|\b(\d{1,2}) dage[^.]{0,300}?(?:behandlingsgaranti|iværksætte)/iu.exec(all);
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
