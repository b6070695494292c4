// What counts as written: a text that is a placeholder ("…", "TODO", the init template's own
// sentences) or too thin to describe anything is "ikke udfyldt". The checks run on a view of the
// standard without such texts, so an empty section can never be met by its mere presence.
import { parse } from 'yaml';
import { SKELETON } from './messages.js';
import { toPointer } from './positions.js';

/** Fields that hold prose: their content is judged by substance, not by presence. */
export const PROSE_KEYS = new Set(['tekst', 'mål', 'værdier_og_normer', 'målgruppe', 'indhold', 'begrundelse']);

/**
 * The fewest words a prose field needs. Measured on real and realistic standards: the shortest
 * substantive texts in Helsingør's standard and the bundled examples have four words ("Kommunen
 * anvender ikke gavekort.", "Individuelle samtaler og gruppeforløb."); a plain "Behandlingen er
 * gratis." has three. Two words or fewer ("x", "Se ovenfor", "Tekst følger") describe nothing.
 */
export const MIN_WORDS = 3;

/** Markers that say the text is still to be written. Whole words, any case. */
const MARKER_WORDS = ['todo', 'tbd', 'fixme', 'xxx', 'lorem ipsum', 'udfyldes', 'skrives senere', 'indsæt tekst', 'tekst følger'];
const MARKERS = /(?:^|[^\p{L}\p{N}])(?:todo|tbd|fixme|xxx+|lorem ipsum|udfyldes|skrives senere|indsæt tekst|tekst følger)(?:$|[^\p{L}\p{N}])/iu;
/** Brackets around an instruction: "[indsæt målgruppe]", "<beskriv visitationen>". */
const BRACKETED = /^[[<{].*[\]>}]$/su;

export type EmptyKind = 'placeholder' | 'template' | 'thin';

export interface EmptyText {
  pointer: string;
  kind: EmptyKind;
  text: string;
}

const normalise = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();

let templateTexts: Map<string, Set<string>> | undefined;
/** The longest template text: a longer text cannot be one, so it need not be normalised. */
let longestTemplate = 0;

/**
 * What the `init` skeleton offers as examples, by field name (its prose, its url and user
 * organisation): left in, it says nothing about the municipality.
 */
function templates(): Map<string, Set<string>> {
  if (templateTexts) return templateTexts;
  const found = new Map<string, Set<string>>();
  const collect = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (!found.has(key)) found.set(key, new Set());
      found.get(key)?.add(normalise(value));
      longestTemplate = Math.max(longestTemplate, value.length);
    } else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  for (const [section, lines] of Object.entries(SKELETON.examples)) collect(parse(`${section}:\n${lines.join('\n')}`), '');
  for (const [key, value] of Object.entries(SKELETON.values)) collect(parse(value), key);
  const footer = SKELETON.footer.filter((l) => /^#\s{3}/.test(l)).map((l) => l.replace(/^#\s?/, ''));
  collect(parse(footer.join('\n')), '');
  // Names, offer types, legal references and dates in the examples are real values, not filler.
  for (const key of ['navn', 'type', 'hjemmel', 'omfatter', 'dato', 'af', 'indberetning']) found.delete(key);
  templateTexts = found;
  return found;
}

/** A word: a run of letters, digits and §, counted when it has two letters or a digit. */
const WORD = /[\p{L}\p{N}§]+/gu;

/** Whether the text has at least `n` words; stops counting at n, so a long text costs little. */
function hasWords(s: string, n: number): boolean {
  let count = 0;
  for (const m of s.matchAll(WORD)) if (/\p{L}{2}|\p{N}/u.test(m[0]) && ++count >= n) return true;
  return false;
}

/**
 * Why a text is empty in substance, or null when it says something. Any field can be a placeholder
 * or the template's example; only prose fields are held to a number of words.
 */
export function emptiness(text: string, key = 'tekst'): EmptyKind | null {
  const t = text.trim();
  // The marker pattern runs only where a marker's letters occur: most texts have none.
  const lower = t.toLowerCase();
  const marked = MARKER_WORDS.some((w) => lower.includes(w)) && MARKERS.test(t);
  if (marked || !/[\p{L}\p{N}]/u.test(t) || BRACKETED.test(t)) return 'placeholder';
  const known = templates().get(key);
  if (known && t.length <= longestTemplate * 2 && known.has(normalise(t))) return 'template';
  if (PROSE_KEYS.has(key) && !hasWords(t, MIN_WORDS)) return 'thin';
  return null;
}

export interface SubstantiveView<T> {
  /** The data without empty prose; objects left with nothing but a heading are dropped too. */
  data: T;
  /** Every prose field that was left out, with why. */
  empty: EmptyText[];
}

/** The standard as the checks should see it: only texts that say something. */
export function substantiveView<T>(data: T): SubstantiveView<T> {
  const empty: EmptyText[] = [];
  const strip = (value: unknown, path: (string | number)[], key: string): unknown => {
    if (typeof value === 'string') {
      const kind = emptiness(value, key);
      if (!kind) return value;
      empty.push({ pointer: toPointer(path), kind, text: value });
      return undefined;
    }
    if (Array.isArray(value)) {
      const kept = value.map((v, i) => strip(v, [...path, i], key)).filter((v) => v !== undefined);
      return kept.length === 0 && value.length > 0 ? undefined : kept;
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      let removed = false;
      for (const [k, v] of Object.entries(value)) {
        const kept = strip(v, [...path, k], k);
        if (kept === undefined) removed = true;
        else out[k] = kept;
      }
      // A section (or offer) whose every text is empty says nothing, whatever figures stand beside
      // the texts: in a skeleton those are the template's too. The top level always stays.
      const hadProse = Object.entries(value).some(([k, v]) => PROSE_KEYS.has(k) && typeof v === 'string');
      const keptProse = Object.keys(out).some((k) => PROSE_KEYS.has(k) && typeof out[k] === 'string');
      if (path.length > 0 && removed && ((hadProse && !keptProse) || Object.keys(out).every((k) => k === 'overskrift'))) return undefined;
      return out;
    }
    return value;
  };
  const top = strip(data, [], '');
  return { data: (top ?? {}) as T, empty };
}
