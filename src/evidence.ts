// The evidence engine: what a standard's own text says about a requirement. Every prose text of the
// standard is split into sentences (passages) with their line:column; each requirement's search
// terms (checklists, `terms`) are looked up in them. A passage matches a term when every content
// word of the term occurs in it, in any order: compared by Snowball Danish stem, after the Danish
// stop words (stopwords-iso) are left out, or, for a word with a * at its start and/or end, as a
// prefix / suffix / part of a word (Danish compounds: `*samtal*` finds "familiesamtaler").
// The passages that hold a term are ranked by BM25 (scored as minisearch scores them); every hit is
// then checked word by word, so the ranking can never let a passage through that does not hold a
// whole term.
// Evidence is never a verdict: it says where the text speaks to a subject, not that it is met.
import { emptiness, PROSE_KEYS } from './substance.js';
import type { EmptyText } from './substance.js';
import { stemmer } from '@orama/stemmers/danish';
// The bundler keeps only the Danish list of this file (scripts/bundle.mjs).
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { toPointer } from './positions.js';
import type { SourceMap } from './positions.js';

/**
 * Words on stopwords-iso's Danish list that carry meaning in a standard and are therefore kept:
 * "far" (a father, not the verb), "mand", numbers of months and sessions ("seks måneder",
 * "fem samtaler"), and "ny"/"nyt" ("ny behandling", "nyt forløb").
 */
export const STOP_WORD_EXCEPTIONS: readonly string[] = ['far', 'mand', 'fem', 'seks', 'syv', 'otte', 'ti', 'ny', 'nyt'];

let stopWords: Set<string> | undefined;

/** The Danish stop words, less the exceptions above. Loaded on first use. */
export function danishStopWords(): ReadonlySet<string> {
  if (!stopWords) {
    const keep = new Set(STOP_WORD_EXCEPTIONS);
    stopWords = new Set((stopwordsIso.da ?? []).filter((w) => !keep.has(w)));
  }
  return stopWords;
}

const stems = new Map<string, string>();

/** The Snowball Danish stem of a lower-cased word (memoised: a standard repeats its words). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    stems.set(word, s);
  }
  return s;
}

/** A lower-cased word of a text, where it starts, and whether it is a content word (not a stop word). */
export interface Token {
  word: string;
  index: number;
  content: boolean;
}

/**
 * The letters words are made of: digits and the Latin alphabet with its accented letters (æ, ø, å,
 * é, ü …), which is what Danish standards are written in. A plain character class, not \p{L}: a
 * Unicode property class costs more to compile than the whole search of a standard.
 */
const LETTERS = '0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F';
const SEPARATORS = new RegExp(`[^${LETTERS}]+`);

/** The words of a text. Split natively and then located, which is cheaper than a match per word. */
export function tokenize(text: string): Token[] {
  const stops = danishStopWords();
  const lower = text.toLowerCase();
  const out: Token[] = [];
  let from = 0;
  for (const word of lower.split(SEPARATORS)) {
    if (word === '') continue;
    const index = lower.indexOf(word, from);
    from = index + word.length;
    out.push({ word, index, content: !stops.has(word) });
  }
  return out;
}

/** The stem a word is compared by, or null for a stop word. */
export function contentStem(word: string): string | null {
  return danishStopWords().has(word) ? null : stem(word);
}

/**
 * Whether a content word has this stem. A Snowball Danish stem is the word less a suffix (the
 * algorithm only deletes letters at the end), so a word that does not start with the stem is
 * rejected without stemming it.
 */
function hasStem(word: string, s: string): boolean {
  return word.startsWith(s) && stem(word) === s;
}

// ---- Terms ----

export type TermWord =
  | { kind: 'stem'; raw: string; stem: string }
  | { kind: 'prefix' | 'suffix' | 'contains'; raw: string; core: string };

export interface CompiledTerm {
  term: string;
  /** The content words; a term matches a passage when every one of them does. */
  words: TermWord[];
}

/** What is wrong with a term, or null. */
export type TermProblem = 'onlyStopWords' | 'generic' | 'shortWildcard';

const TERM_WORD = new RegExp(`\\*?[${LETTERS}]+\\*?`, 'g');
/** A wildcard must keep at least this many letters, or it would match nearly any word. */
export const MIN_WILDCARD_CORE = 4;

const compiledTerms = new Map<string, CompiledTerm>();

/**
 * Terms compiled ahead of time (the build does it for the bundled checklists, see
 * scripts/bundle.mjs), so that a run does not compile a thousand terms before its first search.
 */
export function provideCompiledTerms(terms: readonly CompiledTerm[]): void {
  for (const c of terms) compiledTerms.set(c.term, c);
}

export function compileTerm(term: string): CompiledTerm {
  let c = compiledTerms.get(term);
  if (c) return c;
  const words: TermWord[] = [];
  for (const m of term.matchAll(TERM_WORD)) {
    const raw = m[0].toLowerCase();
    const head = raw.startsWith('*');
    const tail = raw.endsWith('*') && raw.length > 1;
    const core = raw.slice(head ? 1 : 0, tail ? -1 : undefined);
    if (head || tail) words.push({ kind: head && tail ? 'contains' : head ? 'suffix' : 'prefix', raw, core });
    else {
      const s = contentStem(core);
      if (s !== null) words.push({ kind: 'stem', raw, stem: s });
    }
  }
  c = { term, words };
  compiledTerms.set(term, c);
  return c;
}

/**
 * Why a term cannot be used: all its words are stop words; it is a single word from the list of
 * generic words (compared by stem, so "borgeren" is "borger"); or a wildcard is too short.
 */
export function termProblem(term: string, genericStems: ReadonlySet<string>): TermProblem | null {
  const c = compileTerm(term);
  if (c.words.length === 0) return 'onlyStopWords';
  if (c.words.some((w) => w.kind !== 'stem' && w.core.length < MIN_WILDCARD_CORE)) return 'shortWildcard';
  if (c.words.length === 1) {
    const w = c.words[0] as TermWord;
    const s = w.kind === 'stem' ? w.stem : stem(w.core);
    if (genericStems.has(s)) return 'generic';
  }
  return null;
}

function wordMatches(w: TermWord, token: Token): boolean {
  switch (w.kind) {
    case 'stem':
      return token.content && hasStem(token.word, w.stem);
    case 'prefix':
      return token.word.startsWith(w.core);
    case 'suffix':
      return token.word.endsWith(w.core);
    case 'contains':
      return token.word.includes(w.core);
  }
}

// ---- Passages ----

/** A sentence of the standard's text. `start` is its index in the text value at `pointer`. */
export interface Passage {
  id: number;
  pointer: string;
  start: number;
  text: string;
  line: number;
  column: number;
  tokens: Token[];
}

/**
 * The keys whose text is searched: the prose fields (the same as what counts as written), plus the
 * names of the standard, its offers and its sections. A municipality's own heading ("Hvis det går
 * tilbage for dig") says what its section is about. Text that is empty in substance (a placeholder,
 * the init template's example) is never evidence.
 */
const PASSAGE_KEYS: ReadonlySet<string> = new Set([...PROSE_KEYS, 'overskrift', 'undertitel', 'navn']);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['fx', 'f', 'eks', 'bl', 'a', 'jf', 'm', 'kl', 'nr', 'stk', 'vedr', 'evt', 'ca', 'mv', 'osv', 'dvs', 'pkt', 'ang', 'inkl', 'ift', 'iht', 'hhv', 'el', 'tlf', 'tidl', 'max', 'min', 'pga']);

/** A break after . ! ? (and closing quotes) followed by white space, or a line break. */
const BREAK = /([.!?…]+["”»’)]*)[ \t]+|\n/g;
/** A list item's marker at the start of a line: "- ", "• ", "1. ", "2) ". */
const LIST_ITEM = /[ \t]*(?:[-•*–]|\d+[.)])[ \t]+/y;
const SENTENCE_START = new RegExp(`["”»“§(–\\-0-9A-ZÀ-ÖØ-Þ]`);
const LETTER = new RegExp(`[${LETTERS}]`);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function listItemAt(text: string, at: number): number {
  LIST_ITEM.lastIndex = at;
  return LIST_ITEM.test(text) ? LIST_ITEM.lastIndex - at : 0;
}

/** Split a text into sentences: [start, end) ranges. Lines of a list are sentences of their own. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start + listItemAt(text, start);
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push([s, e]);
  };
  for (const m of text.matchAll(BREAK)) {
    const at = m.index;
    const after = at + m[0].length;
    if (m[0] === '\n') {
      // A single line break inside a paragraph is a wrapped line, unless a list item or a new
      // paragraph follows, or the line ended a sentence or a heading, or was a list item itself.
      let last = at;
      while (last > start && isSpace(text.charCodeAt(last - 1))) last--;
      while (last > start && '"”»’)'.includes(text[last - 1] as string)) last--;
      const ends = last === start || '.!?:…'.includes(text[last - 1] as string);
      if (ends || text[after] === '\n' || listItemAt(text, after) > 0 || listItemAt(text, start) > 0) {
        push(at);
        start = after;
      }
      continue;
    }
    // A full stop after an abbreviation ("stk. 3", "kl. 16.00", "bl.a. Socialstyrelsen") ends none.
    if (m[1]?.startsWith('.')) {
      let w = at;
      while (w > start && LETTER.test(text[w - 1] as string)) w--;
      if (ABBREVIATIONS.has(text.slice(w, at).toLowerCase())) continue;
    }
    const next = text[after];
    if (next !== undefined && !SENTENCE_START.test(next)) continue;
    push(at + (m[1]?.length ?? 0));
    start = after;
  }
  push(text.length);
  return out;
}

/**
 * Every prose text of a standard, as passages with their place in the file. `empty` is what
 * substantiveView found empty in the same data, when the caller has it: the texts are then not
 * judged a second time.
 */
export function passagesOf(data: unknown, source: SourceMap, empty?: readonly EmptyText[]): Passage[] {
  const passages: Passage[] = [];
  const filler = empty && new Set(empty.filter((e) => e.kind !== 'thin').map((e) => e.pointer));
  const visit = (value: unknown, path: (string | number)[], key: string | number | undefined) => {
    if (typeof value === 'string') {
      if (typeof key !== 'string' || !PASSAGE_KEYS.has(key)) return;
      // A short text can still say something (a heading "Gavekort"); filler never does.
      const pointer = toPointer(path);
      if (filler ? filler.has(pointer) : isFiller(emptiness(value, key))) return;
      for (const [s, e] of sentences(value)) {
        const text = value.slice(s, e);
        // A sentence ends at a separator, so no word spans two: each is tokenised on its own.
        const tokens = tokenize(text);
        if (!tokens.some((t) => t.content)) continue;
        const at = source.locateInValue(pointer, s);
        passages.push({ id: passages.length, pointer, start: s, text, line: at.line, column: at.column, tokens });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i], typeof key === 'string' ? key : undefined));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], k);
    }
  };
  visit(data, [], undefined);
  return passages;
}

const isFiller = (kind: EmptyText['kind'] | null) => kind === 'placeholder' || kind === 'template';

// ---- Search ----

/** A passage that holds a whole term: which term, and the passage's words that matched it. */
export interface EvidenceMatch {
  passage: Passage;
  term: string;
  /** The passage's own words that matched, in the term's order. */
  words: string[];
  /** BM25 score over all the requirement's terms (higher is better). */
  score: number;
}

/** The words of a passage that satisfy every word of a term, or null when one is missing. */
export function matchTerm(passage: Passage, term: CompiledTerm): string[] | null {
  const found: string[] = [];
  for (const w of term.words) {
    let token: Token | undefined;
    for (const t of passage.tokens) {
      if (wordMatches(w, t)) {
        token = t;
        break;
      }
    }
    if (!token) return null;
    found.push(passage.text.slice(token.index, token.index + token.word.length));
  }
  return found;
}

/**
 * The catalog's terms, compiled once per set of terms (the checklists in use), not per standard:
 * the stems they ask for, and their wildcard words by core, so that a word of a standard finds the
 * wildcards it fits by looking up its own prefixes and suffixes instead of being tried against each.
 */
interface TermSet {
  stems: ReadonlySet<string>;
  /** Prefix wildcards by core (`raw` is the key the index keeps their fits under). */
  prefixes: ReadonlyMap<string, readonly string[]>;
  /** Every beginning of a prefix core: a word's prefixes are looked up only while they are one. */
  beginnings: ReadonlySet<string>;
  /** The shortest core of a prefix wildcard. */
  shortestCore: number;
  /** Suffix and infix wildcards: few, so each is tried against each word. */
  others: readonly { kind: 'suffix' | 'contains'; raw: string; core: string }[];
}

const termSets = new WeakMap<readonly string[], TermSet>();

function termSetOf(terms: readonly string[]): TermSet {
  let set = termSets.get(terms);
  if (set) return set;
  const stems = new Set<string>();
  const prefixes = new Map<string, string[]>();
  const beginnings = new Set<string>();
  const others: { kind: 'suffix' | 'contains'; raw: string; core: string }[] = [];
  const seen = new Set<string>();
  let shortestCore = Infinity;
  for (const t of terms) {
    for (const w of compileTerm(t).words) {
      if (w.kind === 'stem') {
        stems.add(w.stem);
        continue;
      }
      if (seen.has(w.raw)) continue;
      seen.add(w.raw);
      if (w.kind !== 'prefix') {
        others.push({ kind: w.kind, raw: w.raw, core: w.core });
        continue;
      }
      const list = prefixes.get(w.core);
      if (list) list.push(w.raw);
      else prefixes.set(w.core, [w.raw]);
      shortestCore = Math.min(shortestCore, w.core.length);
    }
  }
  for (const core of prefixes.keys()) for (let n = shortestCore; n <= core.length; n++) beginnings.add(core.slice(0, n));
  set = { stems, prefixes, beginnings, shortestCore, others };
  termSets.set(terms, set);
  return set;
}

/** BM25's parameters: minisearch's defaults (k1, b, and BM25+'s d), which the ranking was tuned with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** A passage's score for a requirement so far, and the distinct stems that contributed to it. */
interface Hit {
  score: number;
  stems: Set<string>;
}

/** Where a stem occurs: the passages (ascending) and how often in each. */
interface Postings {
  ids: number[];
  counts: number[];
  /** Each passage's BM25 score for this stem, computed on first use. */
  scores?: Map<number, number>;
}

const compiledLists = new WeakMap<readonly string[], CompiledTerm[]>();

/** A requirement's terms, compiled, less those with no content word (its list is compiled once). */
function compiledList(terms: readonly string[]): CompiledTerm[] {
  let list = compiledLists.get(terms);
  if (!list) {
    list = terms.map(compileTerm).filter((t) => t.words.length > 0);
    compiledLists.set(terms, list);
  }
  return list;
}

export class EvidenceIndex {
  readonly passages: Passage[];
  private readonly postings = new Map<string, Postings>();
  /** What each wildcard word of the terms stands for here: the stems of the words of the text it fits. */
  private readonly wildcards = new Map<string, string[]>();
  /** Each passage's length for BM25: its distinct content words. */
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  /**
   * An index of the passages for these terms. Only the stems the terms can ask for are indexed (a
   * fraction of the text's words, so building is cheap); a passage's length still counts all its
   * content words, so BM25 scores are what a full index would give. `find` may ask only for words
   * of these terms. Scoring is BM25 (with BM25+'s lower bound), computed exactly as minisearch
   * does it with its default parameters, over the passages that hold a term.
   */
  constructor(passages: Passage[], terms: readonly string[]) {
    this.passages = passages;
    const set = termSetOf(terms);
    const wanted = new Set(set.stems);
    // The wildcards' fits: each distinct content word (in the order the text first uses it) looks
    // up its own prefixes and suffixes among the wildcards' cores.
    const fits = new Map<string, Set<string>>();
    const fit = (raw: string, word: string) => {
      let f = fits.get(raw);
      if (!f) fits.set(raw, (f = new Set()));
      f.add(stem(word));
    };
    if (set.prefixes.size > 0 || set.others.length > 0) {
      const vocabulary = new Set<string>();
      for (const p of passages) for (const t of p.tokens) if (t.content) vocabulary.add(t.word);
      for (const word of vocabulary) {
        for (let n = set.shortestCore; n <= word.length; n++) {
          const head = word.slice(0, n);
          if (!set.beginnings.has(head)) break;
          for (const raw of set.prefixes.get(head) ?? []) fit(raw, word);
        }
        for (const w of set.others) if (w.kind === 'suffix' ? word.endsWith(w.core) : word.includes(w.core)) fit(w.raw, word);
      }
    }
    for (const [raw, f] of fits) {
      this.wildcards.set(raw, [...f]);
      for (const s of f) wanted.add(s);
    }
    // A word is indexed by its stem when that stem is one the terms ask for. The stem is a prefix
    // of the word, so most words are rejected by a look-up of their prefixes, without stemming.
    let longest = 0;
    let shortest = Infinity;
    for (const w of wanted) {
      longest = Math.max(longest, w.length);
      shortest = Math.min(shortest, w.length);
    }
    const indexed = new Map<string, string | null>();
    const indexTerm = (word: string): string | null => {
      let out = indexed.get(word);
      if (out === undefined) {
        out = null;
        for (let n = Math.min(word.length, longest); n >= shortest; n--) {
          if (wanted.has(word.slice(0, n))) {
            const s = stem(word);
            out = wanted.has(s) && word.startsWith(s) ? s : null;
            break;
          }
        }
        indexed.set(word, out);
      }
      return out;
    };
    let average = 0;
    const distinct = new Set<string>();
    for (const p of passages) {
      distinct.clear();
      for (const t of p.tokens) {
        if (!t.content) continue;
        distinct.add(t.word);
        const s = indexTerm(t.word);
        if (s === null) continue;
        let post = this.postings.get(s);
        if (!post) this.postings.set(s, (post = { ids: [], counts: [] }));
        const last = post.ids.length - 1;
        if (post.ids[last] === p.id) (post.counts[last] as number)++;
        else {
          post.ids.push(p.id);
          post.counts.push(1);
        }
      }
      // A running average, added up in the order minisearch does, so scores are the same to the bit.
      const n = this.lengths.length;
      this.lengths.push(distinct.size);
      average = (average * n + distinct.size) / (n + 1);
    }
    this.averageLength = average;
  }

  /** Each passage's BM25 score for a stem (computed on first use), or undefined where it does not occur. */
  private scoresOf(s: string): Map<number, number> | undefined {
    const post = this.postings.get(s);
    if (!post) return undefined;
    if (!post.scores) {
      const { k, b, d } = BM25;
      const total = this.passages.length;
      const matching = post.ids.length;
      const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      post.scores = new Map();
      for (let i = 0; i < matching; i++) {
        const tf = post.counts[i] as number;
        const length = this.lengths[post.ids[i] as number] as number;
        post.scores.set(post.ids[i] as number, idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / this.averageLength))));
      }
    }
    return post.scores;
  }

  /** The stems a word of a term stands for here (a wildcard stands for several). */
  private stemsOf(w: TermWord): readonly string[] {
    return w.kind === 'stem' ? [w.stem] : (this.wildcards.get(w.raw) ?? []);
  }

  /** The passages that hold a word of a term: its stems' passages, in that order. */
  private readonly passagesWith = new Map<string, ReadonlySet<number>>();

  private passagesOfWord(w: TermWord): ReadonlySet<number> {
    const key = w.kind === 'stem' ? w.stem : w.raw;
    let ids = this.passagesWith.get(key);
    if (!ids) {
      const found = new Set<number>();
      for (const s of this.stemsOf(w)) for (const id of this.postings.get(s)?.ids ?? []) found.add(id);
      this.passagesWith.set(key, (ids = found));
    }
    return ids;
  }

  /**
   * Add a term's hits: the passages that hold every word of it (in the order its last word's
   * stems give them), each scored by the sum of its words' scores, a word's score being the sum
   * of its stems' (a wildcard stands for several). Only those passages are scored, and the sums
   * are added up in the order BM25 over a query tree would add them (minisearch's), so ties and
   * scores are exactly what a full search gives.
   */
  private addHits(hits: Map<number, Hit>, term: CompiledTerm): void {
    const sets = term.words.map((w) => this.passagesOfWord(w));
    if (sets.some((ids) => ids.size === 0)) return;
    const last = sets[sets.length - 1] as ReadonlySet<number>;
    for (const id of last) {
      if (!sets.every((ids) => ids.has(id))) continue;
      let score = 0;
      const stems: string[] = [];
      term.words.forEach((w, i) => {
        let word: number | undefined;
        for (const s of this.stemsOf(w)) {
          const value = this.scoresOf(s)?.get(id);
          if (value === undefined) continue;
          word = word === undefined ? value : word + value;
          stems.push(s);
        }
        score = i === 0 ? (word as number) : score + (word as number);
      });
      const had = hits.get(id);
      if (!had) hits.set(id, { score, stems: new Set(stems) });
      else {
        had.score = had.score + score;
        for (const s of stems) had.stems.add(s);
      }
    }
  }

  /** The best passages for a requirement's terms, best first; at most one per distinct sentence. */
  find(terms: readonly string[], limit = 3): EvidenceMatch[] {
    const compiled = compiledList(terms);
    const hits = new Map<number, Hit>();
    for (const t of compiled) this.addHits(hits, t);
    // A passage that holds more of the asked-for stems ranks higher: the score times their number.
    const ranked = [...hits].map(([id, hit]) => ({ id, score: hit.score * (hit.stems.size || 1) }));
    ranked.sort((a, b) => b.score - a.score);
    const out: EvidenceMatch[] = [];
    const seen = new Set<string>();
    for (const r of ranked) {
      const passage = this.passages[r.id];
      if (!passage) continue;
      // The best term a passage holds: the one with the most words (the most specific). A term
      // whose words (stems and cores) are not all in the text cannot match it, and is not tried.
      const lower = passage.text.toLowerCase();
      let best: { term: string; words: string[] } | null = null;
      for (const t of compiled) {
        if (best && t.words.length <= best.words.length) continue;
        if (!t.words.every((w) => lower.includes(w.kind === 'stem' ? w.stem : w.core))) continue;
        const words = matchTerm(passage, t);
        if (words) best = { term: t.term, words };
      }
      if (!best) continue;
      const key = lower.replace(/\s+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ passage, term: best.term, words: best.words, score: r.score });
      if (out.length >= limit) break;
    }
    return out;
  }
}

const indexes = new WeakMap<object, { terms: readonly string[]; index: EvidenceIndex }>();

/**
 * The evidence index of a standard for a set of terms (all the terms of the checklists in use),
 * built on first use and kept for the standard's lifetime.
 */
export function evidenceIndex(standard: { data: unknown; source: SourceMap }, terms: readonly string[]): EvidenceIndex {
  let entry = indexes.get(standard);
  if (!entry || entry.terms !== terms) {
    entry = { terms, index: new EvidenceIndex(passagesOf(standard.data, standard.source), terms) };
    indexes.set(standard, entry);
  }
  return entry.index;
}

/** A short quote of a passage (at most `max` characters), centred on where the first matched word is. */
export function quoteOf(match: Pick<EvidenceMatch, 'passage' | 'words'>, max = 160): string {
  const text = match.passage.text.replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const first = match.words[0] ? text.toLowerCase().indexOf(match.words[0].toLowerCase()) : 0;
  let from = Math.max(0, Math.min(first - 40, text.length - max));
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, from + max - 2);
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
