// `kvalitetstjek import`: an existing standard, read by one of the readers (src/readers/) into the
// document model (src/document.ts) → a YAML draft in the format. Sections are placed by what they
// are about (src/placement.ts); facts are lifted only where the text states them plainly
// (src/facts.ts), each with a comment naming the line or page it came from; text that fits no
// section is kept under its own heading in øvrige_afsnit. Nothing of the source is dropped.
// Pure: document in, draft out.
import { yamlText } from './safe-text.js';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { InputError } from './errors.js';
import { MAX_IMPORT_CHARS } from './limits.js';
import { textOf } from './document.js';
import type { Block, BlockSource, SourceDocument } from './document.js';
import { documentFacts, GOAL, guaranteeDaysIn, sentencesOf } from './facts.js';
import type { Fact } from './facts.js';
import { placeSections } from './placement.js';
import type { PlacedSection, RawSection } from './placement.js';
import { t } from './messages.js';
import { citationsIn } from './references.js';
import type { ReferenceData } from './references.js';
import { readTextDocument } from './readers/text.js';
import { packageRoot } from './schema.js';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve, sep } from 'node:path';

/** Labels inside an offer's description, not offers themselves. */
const NOT_OFFERS = new Set(['Målgruppe', 'Formål', 'Hvor og hvornår', 'Indhold', 'Tid', 'Sted', 'Tilbud', 'Navn', 'Type']);

/** Blocks → the title (a first top-level heading before any text) and one section per heading. */
function sectionsOf(blocks: readonly Block[]): { title: string | null; sections: RawSection[] } {
  const sections: RawSection[] = [];
  let title: string | null = null;
  let current: RawSection = { heading: '', headingBlock: null, blocks: [] };
  const push = () => {
    if (current.blocks.length || current.heading) sections.push(current);
  };
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (b.level === 1 && title === null && sections.length === 0 && current.blocks.length === 0) {
        title = b.text;
        continue;
      }
      push();
      current = { heading: b.text, headingBlock: b, blocks: [] };
      continue;
    }
    current.blocks.push(b);
  }
  push();
  return { title, sections };
}

/** A block as a paragraph of the draft's text. */
const paragraphOf = (b: Block) => (b.kind === 'item' ? `- ${b.text}` : b.text);

/** The words that show a sentence is about a section's subject (for lifting its legal basis). */
const SUBJECT_WORDS: Record<string, RegExp> = {
  behandlingsgaranti: /behandlingsgaranti/iu,
  frit_valg: /frit valg/iu,
};

/** Words that show a paragraph of the goal's section states the values and norms it rests on. */
const VALUES = /værdi|normer\b|menneskesyn|respekt|fordom|anerkend|ligeværd|værdighed|tillid/iu;

/** Registers a standard names for its reporting. */
const REGISTERS = /Stofmisbrugsdatabasen|\bSMDB\b|Register over stofmisbrugere i behandling(?: \(SIB\))?|\bSIB\b|Det Nationale Alkoholbehandlingsregister(?: \(NAB\))?/gu;

/** An offer's type from its name and description; lægesamtale first, as the text's own right. */
export function offerType(name: string, description = ''): { type: string; anonym?: true } {
  const n = name.toLowerCase();
  const anonym = /anonym/u.test(n) ? { anonym: true as const } : {};
  if (/lægesamtale|samtale med (?:en |din )?lægen?\b/u.test(`${n} ${description.toLowerCase()}`)) return { type: 'lægesamtale', ...anonym };
  const rules: [RegExp, string][] = [
    [/rådgivning/u, 'rådgivning'],
    [/døgn/u, 'døgn'],
    [/afrusning/u, 'afrusning'],
    [/ad-?hoc/u, 'ad_hoc'],
    [/dagbehandling|dagteam/u, 'dagbehandling'],
    [/medicinsk|substitution/u, 'medicinsk'],
    [/pårørende|forældrenetværk|forældreaft|voksent barn|børn|familiesamtale/u, 'pårørende'],
    [/ambulant|samtale|gruppe|individuel|behandling/u, 'ambulant'],
  ];
  return { type: rules.find(([re]) => re.test(n))?.[1] ?? 'andet', ...anonym };
}

/** An age range stated in an offer's name or description ("under 18 år", "over 25 år"). */
function ageOf(text: string): { fra?: number; til?: number } | undefined {
  const under = /\bunder (\d{2}) år/u.exec(text);
  const over = /\b(?:over|fra) (\d{2}) år/u.exec(text);
  if (!under && !over) return undefined;
  return { ...(over ? { fra: Number(over[1]) } : {}), ...(under ? { til: Number(under[1]) - 1 } : {}) };
}

interface Offer {
  data: Record<string, unknown>;
  source: BlockSource;
}

function offer(navn: string, indhold: string | undefined, source: BlockSource): Offer | null {
  const name = navn.trim().replace(/^[”"]|[”"]$/g, '');
  if (NOT_OFFERS.has(name) || name.split(/\s+/).length > 8 || name.length < 3) return null;
  const { type, anonym } = offerType(name, indhold);
  const alder = ageOf(`${name} ${indhold ?? ''}`);
  return { data: { navn: name, type, ...(anonym ? { anonym } : {}), ...(alder ? { alder } : {}), ...(indhold ? { indhold } : {}) }, source };
}

/**
 * Offers: list items and sentences of the form "Name: description", table rows "Name | description"
 * (rows a PDF broke over lines are joined first), and headings that name an offer.
 */
function liftOffers(blocks: readonly Block[], headings: readonly Block[]): Offer[] {
  const offers: Offer[] = [];
  const rows: { cells: string[]; source: BlockSource }[] = [];
  let header: string | null = null;
  let lastWasRow = false;
  for (const b of blocks) {
    if (b.kind === 'row') {
      const cells = b.text.split(' | ');
      if (header === null) header = b.text;
      else if (b.text === header) {
        lastWasRow = true; // the table's header, repeated on a new page
        continue;
      } else if (/^\p{Ll}/u.test(b.text) && rows.length) {
        const last = rows[rows.length - 1] as { cells: string[] };
        cells.forEach((c, i) => (last.cells[i] = last.cells[i] ? `${last.cells[i]} ${c}` : c));
      } else if (b.text !== header) rows.push({ cells, source: b.source });
      lastWasRow = true;
      continue;
    }
    if (lastWasRow && b.kind === 'paragraph' && /^\p{Ll}/u.test(b.text) && rows.length) {
      const last = rows[rows.length - 1] as { cells: string[] };
      last.cells[last.cells.length - 1] = `${last.cells[last.cells.length - 1] ?? ''} ${b.text}`.trim();
      continue;
    }
    lastWasRow = false;
    if (b.kind !== 'item' && b.kind !== 'paragraph') continue;
    const m = /^([^:.!?]{3,60}):\s*(.+)$/u.exec(b.text);
    if (m) {
      const o = offer(m[1] as string, (m[2] as string).trim(), b.source);
      if (o && (b.kind === 'item' || o.data.type !== 'andet')) offers.push(o);
    }
  }
  for (const r of rows) {
    const o = r.cells.length >= 2 ? offer(r.cells[0] as string, r.cells.slice(1).join(' – '), r.source) : null;
    if (o) offers.push(o);
  }
  for (const h of headings) {
    const name = h.text.replace(/^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+/u, '');
    const { type, anonym } = offerType(name);
    if (type !== 'andet' && /tilbud|behandling|rådgivning/iu.test(name) && !offers.some((o) => o.data.navn === name)) {
      offers.push({ data: { navn: name, type, ...(anonym ? { anonym } : {}) }, source: h.source });
    }
  }
  return offers;
}

export interface ImportResult {
  yaml: string;
  /** What was placed where: for the review note and for tests. */
  placed: Record<string, number>;
  unplaced: number;
  /** Where each part of the draft came from in the source, by JSON pointer. */
  sources: Record<string, BlockSource>;
  /** The fields lifted from sentences of the text (JSON pointers). */
  lifted: string[];
}

export interface ImportOptions {
  source: string;
  date: string;
  references?: ReferenceData;
  kommune?: string;
  /** The path the draft's $schema line gives (relative to where the draft is written). */
  schemaPath?: string;
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

/** The package's schema for standards, as a file path. */
export const STANDARD_SCHEMA = fileURLToPath(new URL('schemas/kvalitetsstandard.schema.json', packageRoot));

/** The $schema path for a draft written to `output`: relative to it, with forward slashes. */
export function schemaPathFor(output: string): string {
  const rel = relative(dirname(resolve(output)), STANDARD_SCHEMA).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Where a block came from, in words: "linje 12", "side 3". */
export function whereIn(source: BlockSource): string {
  if (source.page !== undefined && source.line !== undefined) return t('import.atPageLine', { page: source.page, line: source.line });
  if (source.page !== undefined) return t('import.atPage', { page: source.page });
  return t('import.atLine', { line: source.line ?? 1 });
}

const shorten = (s: string, max = 110) => (s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s\S*$/u, '')} …`);

/** A document read from any format → a YAML draft in the format. */
export function importDocument(source: SourceDocument, options: ImportOptions): ImportResult {
  const text = textOf(source);
  checkSize(text, options.source);
  const { title, sections } = sectionsOf(source.blocks);
  const data: Record<string, unknown> = {};
  const sources: Record<string, BlockSource> = {};
  /** Comments to attach, by path: the source of a lifted fact, a moved paragraph, a cross-reference. */
  const comments: { path: (string | number)[]; text: string }[] = [];
  const lifted: string[] = [];
  const liftedFact = (path: (string | number)[], fact: Pick<Fact<unknown>, 'source' | 'quote'>) => {
    lifted.push('/' + path.join('/'));
    sources['/' + path.join('/')] = fact.source;
    comments.push({ path, text: t('import.factSource', { where: whereIn(fact.source), quote: shorten(fact.quote) }) });
  };

  // A name starts a word and is bounded in length, so a long run of letters costs linear time.
  const kommune = options.kommune ?? /(?<![\p{L}-])([A-ZÆØÅ][\p{L}-]{0,40} Kommune)\b/u.exec(text)?.[1] ?? /(?<![\p{L}-])([A-ZÆØÅ][\p{L}-]{0,40}) [Kk]ommune\b/u.exec(text)?.[0];
  data.kommune = kommune ?? t('import.unknownMunicipality');
  data.titel = title ?? source.blocks[0]?.text ?? t('import.unknownTitle');

  const facts = documentFacts(source.blocks);
  if (facts.vedtaget) {
    data.vedtaget = { dato: facts.vedtaget.value.dato, af: facts.vedtaget.value.af };
    liftedFact(['vedtaget'], facts.vedtaget);
  }
  // A standard adopted and not revised since was last revised when it was adopted.
  const revised = facts.senest_revideret ?? (facts.vedtaget ? { ...facts.vedtaget, value: facts.vedtaget.value.dato } : undefined);
  if (revised) {
    data.senest_revideret = revised.value;
    liftedFact(['senest_revideret'], revised);
    if (!facts.senest_revideret) comments.push({ path: ['senest_revideret'], text: t('import.revisedIsAdopted') });
  }
  if (facts.næste_revision) {
    data.næste_revision = facts.næste_revision.value;
    liftedFact(['næste_revision'], facts.næste_revision);
  }
  if (facts.url) {
    data.url = facts.url.value;
    liftedFact(['url'], facts.url);
  }
  if (facts.brugerorganisationer.length) {
    data.brugerorganisationer = facts.brugerorganisationer.map((f) => f.value);
    facts.brugerorganisationer.forEach((f, i) => liftedFact(['brugerorganisationer', i], f));
  }

  const placedSections = placeSections(sections);
  const unplaced: { overskrift: string; tekst: string }[] = [];
  const bySection = new Map<string, PlacedSection[]>();
  for (const s of placedSections) {
    if (!s.key) {
      const i = unplaced.length;
      // An unknown heading keeps its text; an empty one is kept as the text itself.
      unplaced.push({ overskrift: s.heading || t('import.noHeading'), tekst: s.blocks.map(paragraphOf).join('\n\n') || s.heading });
      const from = s.headingBlock?.source ?? s.blocks[0]?.source;
      if (from) sources[`/øvrige_afsnit/${i}`] = from;
      if (s.alsoAbout.length) comments.push({ path: ['øvrige_afsnit', i], text: t('import.alsoAbout', { sections: s.alsoAbout.join(', ') }) });
      continue;
    }
    bySection.set(s.key, [...(bySection.get(s.key) ?? []), s]);
  }

  const placed: Record<string, number> = {};
  for (const [key, parts] of bySection) {
    const first = parts[0] as PlacedSection;
    const paragraphs: string[] = [];
    const blocks: Block[] = [];
    parts.forEach((s, i) => {
      // A second heading for the same section is kept inside the text, where it stood.
      if (i > 0 && s.heading && !s.movedFrom) paragraphs.push(s.heading);
      paragraphs.push(...s.blocks.map(paragraphOf));
      blocks.push(...s.blocks);
    });
    if (!paragraphs.length) paragraphs.push(first.heading); // a heading with nothing under it
    placed[key] = paragraphs.length;
    const from = first.headingBlock?.source ?? first.blocks[0]?.source;
    if (from) sources[`/${key}`] = from;
    const section: Record<string, unknown> = { overskrift: first.heading || t('import.noHeading'), tekst: '' };
    const moved = parts.find((s) => s.movedFrom);
    if (moved) comments.push({ path: [key], text: t('import.moved', { heading: moved.movedFrom ?? '' }) });
    else if (parts.length === 1 && !first.heading) comments.push({ path: [key], text: t('import.placedByContent') });

    if (key === 'formål') {
      // Paragraphs (after the first) that state the values the effort rests on.
      // Whole paragraphs move; in one long paragraph, the sentences are quoted.
      const values = paragraphs.filter((p, i) => i > 0 && VALUES.test(p));
      const sentences = values.length ? [] : sentencesOf(paragraphs.join(' ')).filter((s, i) => i > 0 && VALUES.test(s));
      const b = blocks.find((x, i) => i > 0 && VALUES.test(x.text)) ?? blocks.find((x) => sentencesOf(x.text).some((s) => VALUES.test(s)));
      if (b && (values.length || sentences.length)) {
        section.værdier_og_normer = values.length ? values.join('\n\n') : sentences.join(' ');
        liftedFact([key, 'værdier_og_normer'], { source: b.source, quote: sentencesOf(b.text).find((s) => VALUES.test(s)) ?? b.text });
        if (values.length) paragraphs.splice(0, paragraphs.length, ...paragraphs.filter((p) => !values.includes(p)));
      }
    }
    if (key === 'handleplaner') {
      // The goal: a paragraph that states it moves to mål; a goal sentence inside one is quoted there.
      const goal = blocks.find((b) => GOAL.test(b.text)) ?? blocks.find((b) => sentencesOf(b.text).some((s) => GOAL.test(s)));
      if (goal) {
        const whole = GOAL.test(goal.text);
        section.mål = whole ? goal.text : sentencesOf(goal.text).filter((s) => GOAL.test(s)).join(' ');
        liftedFact([key, 'mål'], { source: goal.source, quote: section.mål as string });
        if (whole && paragraphs.length > 1) paragraphs.splice(paragraphs.indexOf(paragraphOf(goal)), 1);
      }
    }
    section.tekst = paragraphs.join('\n\n');
    if (key === 'behandlingsgaranti') {
      for (const b of blocks) {
        const days = sentencesOf(b.text).map(guaranteeDaysIn).find((d) => d !== null);
        if (days !== undefined && days !== null) {
          section.frist_dage = days;
          liftedFact([key, 'frist_dage'], { source: b.source, quote: sentencesOf(b.text).find((s) => guaranteeDaysIn(s) !== null) ?? b.text });
          break;
        }
      }
    }
    if (key === 'behandlingsplan' && facts.opfølgning) {
      section.opfølgning_efter_måneder = facts.opfølgning.value;
      liftedFact([key, 'opfølgning_efter_måneder'], facts.opfølgning);
    }
    if (key === 'klageadgang' && facts.klagefrist) {
      comments.push({ path: [key], text: t('import.complaintDeadline', { deadline: facts.klagefrist.value, where: whereIn(facts.klagefrist.source) }) });
      lifted.push('/klageadgang (klagefrist)');
    }
    const subject = SUBJECT_WORDS[key];
    if (subject && options.references) {
      // Only citations in a sentence that names the subject are its legal basis.
      const sentences = sentencesOf(paragraphs.join(' ')).filter((x) => subject.test(x));
      const cites = sentences.flatMap((x) => citationsIn(x, '', options.references as ReferenceData)).filter((c) => c.kind === 'provision' && c.stk !== null);
      if (cites.length) section.hjemmel = [...new Set(cites.map((c) => c.text))];
    }
    if (key === 'monitorering') {
      // A list item that begins with a registry's name and abbreviation, e.g. "… (SIB)"; else the registers named.
      const listed = paragraphs.flatMap((p) => /^- ([^()]{3,80}\([A-ZÆØÅ]{2,}\))/u.exec(p)?.[1] ?? []);
      const named = [...new Set(paragraphs.join(' ').match(REGISTERS) ?? [])];
      const registries = listed.length ? listed : named;
      if (registries.length) section.indberetning = registries;
    }
    if (key === 'organisering') {
      const offers = liftOffers(blocks, parts.slice(1).flatMap((s) => (s.headingBlock ? [s.headingBlock] : [])));
      if (offers.length) {
        section.tilbud = offers.map((o) => o.data);
        offers.forEach((o, i) => liftedFact([key, 'tilbud', i], { source: o.source, quote: `${String(o.data.navn)} (${String(o.data.type)})` }));
      }
    }
    if (key === 'lovgrundlag') {
      data.lovgrundlag = { overskrift: section.overskrift, tekst: section.tekst };
      continue;
    }
    data[key] = section;
  }
  if (unplaced.length) data.øvrige_afsnit = unplaced;

  const doc = new Document(order(data));
  for (const c of comments) commentOn(doc, c.path, c.text);
  const liftedNames = [...new Set(lifted.map((p) => p.slice(1).split('/').filter((x) => !/^\d+$/.test(x)).join('.')))];
  const schema = options.schemaPath ?? STANDARD_SCHEMA;
  doc.commentBefore = [
    ` yaml-language-server: $schema=${schema}`,
    '',
    t('import.header', { source: options.source, date: options.date }),
    t('import.liftedList', { fields: liftedNames.length ? liftedNames.join(', ') : t('import.nothingLifted') }),
    t('import.reviewList', { unplaced: unplaced.length, missing: missingFacts(data).join(', ') || '–' }),
  ].join('\n');
  return { yaml: yamlText(doc.toString({ lineWidth: 0, blockQuote: 'literal' })), placed, unplaced: unplaced.length, sources, lifted };
}

/** The facts of retningslinje 2.8 and § 4 the text did not state, for the header's review list. */
function missingFacts(data: Record<string, unknown>): string[] {
  const top = ['vedtaget', 'senest_revideret', 'næste_revision', 'url', 'brugerorganisationer'].filter((k) => !(k in data));
  const get = (k: string, f: string) => (data[k] as Record<string, unknown> | undefined)?.[f];
  const inner: [string, string][] = [['behandlingsgaranti', 'frist_dage'], ['behandlingsplan', 'opfølgning_efter_måneder'], ['handleplaner', 'mål'], ['formål', 'værdier_og_normer'], ['organisering', 'tilbud']];
  return [...top, ...inner.filter(([k, f]) => get(k, f) === undefined).map(([k, f]) => `${k}.${f}`)];
}

/** A comment above the value at a path (a mapping's key, or a list's item). */
function commentOn(doc: Document, path: readonly (string | number)[], text: string): void {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path[path.length - 1];
  let node: YamlNode | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    node = pair && isScalar(pair.key) ? pair.key : undefined;
  } else if (isSeq(parent) && typeof last === 'number') node = parent.items[last] as YamlNode | undefined;
  if (!node) return;
  node.commentBefore = node.commentBefore ? `${node.commentBefore}\n ${text}` : ` ${text}`;
}

/** Keys in the format's order, so the draft reads like the skeleton. */
function order(data: Record<string, unknown>): Record<string, unknown> {
  const keys = ['kommune', 'titel', 'lovgrundlag', 'vedtaget', 'senest_revideret', 'næste_revision', 'url', 'brugerorganisationer', 'opgaver', 'målgruppe', 'formål', 'organisering', 'visitation', 'behandlingsgaranti', 'frit_valg', 'behandlingsplan', 'handleplaner', 'brugerinddragelse', 'kost_og_logi', 'klageadgang', 'personale', 'monitorering', 'gavekort', 'varighed', 'tilsyn', 'øvrige_afsnit'];
  return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}
