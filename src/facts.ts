// Facts a published standard states in its own words, lifted into the format's fields: when and by
// whom it was adopted, when it was last revised and will next be revised, where it is published,
// which user and relatives' organisations took part, the goal for action plans, the treatment
// guarantee's days, the follow-up months and the complaint deadline. Each fact keeps the block it
// came from, so the draft can say where to check it. Only plain statements are lifted: a fact the
// text does not state in one of these forms is left for the author.
// All patterns are bounded and anchored on a keyword, so every scan is linear in the text.
import type { Block, BlockSource } from './document.js';

export interface Fact<T> {
  value: T;
  source: BlockSource;
  /** The sentence the fact was read from. */
  quote: string;
}

const MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?';
/** "2. maj 2022", "3.9.2021", "2.5.22", "02/05 2022", "02-05-2022", "2022-05-02". */
export const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\s?${MONTH}\\s\\d{4}|\\d{1,2}\\s${MONTH}\\s\\d{4}|\\d{1,2}[./-]\\d{1,2}(?:[./-]|\\s)\\d{2,4})`;
/** "oktober 2026", "okt. 2026". */
const MONTH_YEAR = `${MONTH}\\s\\d{4}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as written in Danish → ÅÅÅÅ-MM-DD, or null when it is not a real date. */
export function parseDanishDate(text: string): string | null {
  const s = text.trim().toLowerCase();
  let y: number, m: number, d: number;
  let x: RegExpExecArray | null;
  if ((x = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  else if ((x = new RegExp(`^(\\d{1,2})\\.?\\s?${MONTH}\\s(\\d{4})$`).exec(s))) [d, m, y] = [Number(x[1]), MONTHS[x[2] as string] as number, Number(x[3])];
  else if ((x = /^(\d{1,2})[./-](\d{1,2})(?:[./-]|\s)(\d{2}|\d{4})$/.exec(s))) [d, m, y] = [Number(x[1]), Number(x[2]), x[3]?.length === 2 ? 2000 + Number(x[3]) : Number(x[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return date.toISOString().slice(0, 10) === iso && y >= 1900 && y <= 2199 ? iso : null;
}

/** "oktober 2026" → the first day of that month (a deadline read as early as it can fall). */
export function parseMonthYear(text: string): string | null {
  const x = new RegExp(`^${MONTH}\\s(\\d{4})$`).exec(text.trim().toLowerCase());
  if (!x) return null;
  const y = Number(x[2]);
  return y >= 1900 && y <= 2199 ? `${y}-${pad(MONTHS[x[1] as string] as number)}-01` : null;
}

/** The sentences of a block's text (a simple split on . ! ? followed by a capital). */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"”«])/u).filter((s) => s.trim());
}

/** Every sentence of the blocks, with its block's source. */
function* sentencesIn(blocks: readonly Block[]): Generator<{ text: string; source: BlockSource }> {
  for (const b of blocks) for (const text of sentencesOf(b.text)) yield { text, source: b.source };
}

const BODY = '((?:\\p{Lu}[\\p{L}]{0,30}-? og )?[\\p{L}-]{0,40}(?:udvalg|byråd|kommunalbestyrelse|borgerrepræsentation)[\\p{L}]{0,6})';
const ADOPTED = new RegExp(`\\b(?:vedtaget|godkendt|besluttet|politisk behandlet)\\s(?:af|i)\\s(?:det\\s)?${BODY}(?:\\s(?:den|d\\.))?\\s(${DATE})`, 'iu');
const ADOPTED_DATE_FIRST = new RegExp(`\\b(?:vedtaget|godkendt|besluttet)\\s(?:den\\s|d\\.\\s)?(${DATE})\\s(?:af|i)\\s(?:det\\s)?${BODY}`, 'iu');
const REVISED = new RegExp(`\\b(?:senest\\s)?(?:opdateret|revideret|ajourført)(?:\\sden|\\sd\\.)?[:\\s]\\s*(${DATE})`, 'iu');
const NEXT = new RegExp(`\\b(?:revideres|opdateres|tages op til revision|næste revision)(?::|\\s(?:igen|senest|inden|før|i|den|d\\.|ultimo|primo)){0,3}\\s*(${DATE}|${MONTH_YEAR})`, 'iu');
const URL = /\bhttps?:\/\/[^\s<>"”»)]{3,300}|\bwww\.[a-zæøå0-9-]{1,60}\.[a-z]{2,6}(?:\/[^\s<>"”»)]{0,300})?/iu;
const TOOK_PART = /^(.{3,120}?)\s(?:har|havde)\s(?:været med til at|deltaget i at|deltaget i|bidraget til|medvirket til|medvirket ved)\s.{0,60}(?:standard|udarbejd|revid|revision|skrive)/iu;
const ORGANISATION = /råd|forening|organisation|panel|netværk|LMS|brugere|pårørende/iu;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface AdoptionFact {
  dato: string;
  af: string;
}

export interface DocumentFacts {
  vedtaget?: Fact<AdoptionFact>;
  senest_revideret?: Fact<string>;
  næste_revision?: Fact<string>;
  url?: Fact<string>;
  brugerorganisationer: Fact<string>[];
  opfølgning?: Fact<number[]>;
  klagefrist?: Fact<string>;
}

/** The adoption: date and body, in either order. */
export function adoptionIn(sentence: string): AdoptionFact | null {
  const a = ADOPTED.exec(sentence);
  if (a) {
    const dato = parseDanishDate(a[2] as string);
    if (dato) return { dato, af: capitalise(a[1] as string) };
  }
  const b = ADOPTED_DATE_FIRST.exec(sentence);
  if (b) {
    const dato = parseDanishDate(b[1] as string);
    if (dato) return { dato, af: capitalise(b[2] as string) };
  }
  return null;
}

export function revisedIn(sentence: string): string | null {
  const m = REVISED.exec(sentence);
  return m ? parseDanishDate(m[1] as string) : null;
}

/** The next revision: a date, or a month and year stored as the first day of that month. */
export function nextRevisionIn(sentence: string): string | null {
  const m = NEXT.exec(sentence);
  if (!m) return null;
  return parseDanishDate(m[1] as string) ?? parseMonthYear((m[1] as string).replace('.', ''));
}

/** The address a sentence says the standard can be read at. */
export function urlIn(sentence: string): string | null {
  if (!/standard/iu.test(sentence) || !/læses|findes|ses|offentliggjort|ligger|hjemmeside|læse/iu.test(sentence)) return null;
  const m = URL.exec(sentence);
  if (!m) return null;
  const url = m[0].replace(/[.,;:!?]+$/u, '');
  return url.startsWith('www.') ? `https://${url}` : url;
}

/** An organisation that took part in writing or revising the standard. */
export function organisationIn(sentence: string): string | null {
  const m = TOOK_PART.exec(sentence.trim());
  if (!m) return null;
  const name = (m[1] as string).trim();
  if (!/^\p{Lu}/u.test(name) || !ORGANISATION.test(name) || name.split(/\s+/).length > 10) return null;
  return name;
}

const ONE = '(?:1|en|én|første)';
const SIX = '(?:6|seks)';
/** Follow-up after 1 and 6 months, in its common wordings. */
export function followUpIn(sentence: string): number[] | null {
  if (!/opfølg|følge[rs]? op|kontakt|henvend|ringer|tager fat|hører/iu.test(sentence)) return null;
  const patterns = [
    new RegExp(`\\b${ONE}\\s(?:og|samt)\\s(?:igen\\s)?(?:efter\\s)?${SIX}\\s(?:måneder|mdr)`, 'iu'),
    new RegExp(`\\b${ONE}\\s(?:måned|md\\.?|mdr\\.?)\\s.{0,80}?\\b${SIX}\\s(?:måneder|mdr)`, 'iu'),
    new RegExp(`\\b${ONE}\\s(?:måned|md\\.?)\\s.{0,40}?\\bet halvt år`, 'iu'),
  ];
  return patterns.some((p) => p.test(sentence)) ? [1, 6] : null;
}

const NUMBER_WORDS: Record<string, number> = { en: 1, én: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, otte: 8, fjorten: 14 };
/** A complaint deadline: "klage inden fire uger", "klagefristen er 4 uger". */
export function complaintDeadlineIn(sentence: string): string | null {
  const m = /\bklage\p{L}{0,10}.{0,60}?\b(?:inden(?: for)?|senest|indenfor|er på|er)\s(\d{1,2}|en|én|to|tre|fire|fem|seks|otte|fjorten)\s(uger?|dage|måneder?)\b/iu.exec(sentence);
  if (!m) return null;
  const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : NUMBER_WORDS[(m[1] as string).toLowerCase()];
  return n ? `${n} ${m[2]}` : null;
}

/** The treatment guarantee's days, from the guarantee's own text. */
export function guaranteeDaysIn(sentence: string): number | null {
  const m =
    /(?:behandlingsgaranti|iværksættes|iværksat|komme i behandling|starte i behandling|begynde i behandling|behandling(?:en)? (?:begynder|starter))[^.]{0,80}?\b(\d{1,2}|fjorten) (?:hverdage|dage)/iu.exec(sentence) ??
    /\b(\d{1,2}|fjorten) dage[^.]{0,60}?(?:behandlingsgaranti|iværksætte|i behandling)/iu.exec(sentence);
  if (!m) return null;
  return m[1] === 'fjorten' ? 14 : Number(m[1]);
}

/** A sentence stating the municipality's goal ("Vi har som mål, at …"). */
export const GOAL = /^(?:Vi har (?:som|det) mål,? at|Vores mål er,? at|Det er (?:vores|kommunens) mål,? at|Kommunens mål er,? at|Målet er,? at|Kommunen har (?:som|det) mål,? at|Vi har en målsætning om,? at|Målsætningen er,? at)/u;

/** The facts stated anywhere in the document; the first statement of each wins. */
export function documentFacts(blocks: readonly Block[]): DocumentFacts {
  const facts: DocumentFacts = { brugerorganisationer: [] };
  const seenOrgs: string[] = [];
  for (const { text, source } of sentencesIn(blocks)) {
    const fact = <T>(value: T): Fact<T> => ({ value, source, quote: text });
    const adopted = facts.vedtaget ? null : adoptionIn(text);
    if (adopted) facts.vedtaget = fact(adopted);
    const revised = facts.senest_revideret ? null : revisedIn(text);
    if (revised) facts.senest_revideret = fact(revised);
    const next = facts.næste_revision ? null : nextRevisionIn(text);
    if (next) facts.næste_revision = fact(next);
    const url = facts.url ? null : urlIn(text);
    if (url) facts.url = fact(url);
    const org = organisationIn(text);
    if (org) {
      // "Brugerrådet" after "Fjordby Brugerråd for Rusmiddelområdet" is the same body.
      const core = org.toLowerCase().replace(/(?:et|en|ene)$/u, '');
      if (!seenOrgs.some((s) => s.includes(core) || core.includes(s))) {
        seenOrgs.push(core);
        facts.brugerorganisationer.push(fact(org));
      }
    }
    const months = facts.opfølgning ? null : followUpIn(text);
    if (months) facts.opfølgning = fact(months);
    const deadline = facts.klagefrist ? null : complaintDeadlineIn(text);
    if (deadline) facts.klagefrist = fact(deadline);
  }
  return facts;
}
