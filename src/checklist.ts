// Checklists: requirements as YAML data, validated against schemas/checklist.schema.json, with each
// machine check compiled once.
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { InputError, inputErrors } from './errors.js';
import { loadYamlFile, parseYaml } from './load.js';
import type { LoadedYaml } from './load.js';
import { checkProblems, compileSchema, precompiledValidators } from './compile.js';
import { checklistSchema, displayPath, packageRoot, readJsonAsset, schemaError, sourceFingerprint } from './schema.js';
import { stem, termProblem } from './evidence.js';
import type { JsonSchema } from './schema.js';
import { toPointer } from './positions.js';
import type { SourceMap } from './positions.js';

export type Level = 'skal' | 'bør' | 'kan';
export type Kind = 'document' | 'service' | 'practice';
export const LEVELS: readonly Level[] = ['skal', 'bør', 'kan'];
export const KINDS: readonly Kind[] = ['document', 'service', 'practice'];

export interface Part {
  level: Level;
  text: string;
}

export interface Requirement {
  id: string;
  printedId?: string;
  retningslinje: string;
  levels: Level[];
  kind: Kind;
  actor: string[];
  text: string;
  verbatim?: boolean;
  points?: string[];
  parts?: Part[];
  levelNote?: string;
  legalBasis?: string[];
  related?: string[];
  check?: JsonSchema;
  partial?: JsonSchema;
  appliesIf?: JsonSchema;
  hint?: string;
  /** Words and phrases that show a text speaks to the requirement's subject (see the checklist schema). */
  terms?: string[];
  /** The subject in plain Danish, completing "Standarden beskriver ikke …" (for readers who never saw the catalog). */
  subject?: string;
}

export interface Group {
  id: string;
  title: string;
  lovgivning?: string[];
}

export interface ChecklistMeta {
  id: string;
  title: string;
  description?: string;
  source: { title: string; publisher?: string; edition?: string; url?: string; verbatim?: boolean };
  appliesIf?: JsonSchema;
}

export interface CompiledChecks {
  check?: ValidateFunction;
  partial?: ValidateFunction;
  appliesIf?: ValidateFunction;
}

export interface Checklist {
  file: string;
  checklist: ChecklistMeta;
  retningslinjer: Group[];
  requirements: Requirement[];
  /** Positions in the checklist file, for error messages; absent for precompiled bundled lists. */
  source?: SourceMap;
  appliesIf?: ValidateFunction;
  compiled: Map<string, CompiledChecks>;
}

/** The bundled checklists, in the order reports show them. */
export const BUNDLED_CHECKLISTS: readonly string[] = [
  'checklists/bek-1477-kvalitetsstandard.yaml',
  'checklists/nationale-retningslinjer-2020.yaml',
  'checklists/lovkrav-serviceniveau.yaml',
];

export function bundledChecklistPaths(): string[] {
  return BUNDLED_CHECKLISTS.map((p) => fileURLToPath(new URL(p, packageRoot)));
}

let validateChecklistShape: ValidateFunction | undefined;

/** The list of generic words (data), validated by its schema: a term of one of them is refused. */
export const GENERIC_WORDS = 'checklists/generiske-ord.yaml';
let genericStems: Set<string> | undefined;

/** The stems of the generic words, loaded once. */
export function genericWordStems(): ReadonlySet<string> {
  if (!genericStems) {
    const loaded = loadYamlFile(fileURLToPath(new URL(GENERIC_WORDS, packageRoot)));
    const validate = compileSchema(readJsonAsset<JsonSchema>('schemas/generiske-ord.schema.json'));
    if (!validate(loaded.data)) throw schemaError(loaded, validate.errors ?? []);
    genericStems = new Set((loaded.data.ord as string[]).map((w) => stem(w)));
  }
  return genericStems;
}

export function loadChecklist(file: string): Checklist {
  return checklistFromYaml(loadYamlFile(file));
}

export function parseChecklist(file: string, text: string): Checklist {
  return checklistFromYaml(parseYaml(file, text));
}

function checklistFromYaml(loaded: LoadedYaml): Checklist {
  validateChecklistShape ??= compileSchema(checklistSchema());
  if (!validateChecklistShape(loaded.data)) throw schemaError(loaded, validateChecklistShape.errors ?? []);
  const data = loaded.data as unknown as Omit<Checklist, 'file' | 'source' | 'compiled'>;
  const errors: InputError[] = [];
  const groups = new Set(data.retningslinjer.map((g) => g.id));
  const seen = new Set<string>();
  const compiled = new Map<string, CompiledChecks>();
  const compile = (schema: JsonSchema | undefined, pointer: string, id: string): ValidateFunction | undefined => {
    if (!schema) return undefined;
    const problems = checkProblems(schema);
    if (problems.length > 0) {
      errors.push(...checkErrors(loaded, pointer, id, problems));
      return undefined;
    }
    try {
      return compileSchema(schema);
    } catch (err) {
      errors.push(compileError(loaded, pointer, id, schema, err));
      return undefined;
    }
  };
  data.requirements.forEach((r, i) => {
    const at = `/requirements/${i}`;
    if (seen.has(r.id)) errors.push(new InputError(loaded.file, loaded.source.locate(`${at}/id`), 'checklist.duplicateId', { id: r.id, checklist: data.checklist.id }));
    seen.add(r.id);
    if (!groups.has(r.retningslinje)) {
      errors.push(new InputError(loaded.file, loaded.source.locate(`${at}/retningslinje`), 'checklist.unknownGroup', { id: r.id, group: r.retningslinje }));
    }
    r.terms?.forEach((term, j) => {
      const problem = termProblem(term, genericWordStems());
      if (problem) errors.push(new InputError(loaded.file, loaded.source.locate(`${at}/terms/${j}`), `checklist.term.${problem}`, { id: r.id, term }));
    });
    compiled.set(r.id, {
      check: compile(r.check, `${at}/check`, r.id),
      partial: compile(r.partial, `${at}/partial`, r.id),
      appliesIf: compile(r.appliesIf, `${at}/appliesIf`, r.id),
    });
  });
  const appliesIf = compile(data.checklist.appliesIf, '/checklist/appliesIf', data.checklist.id);
  if (errors.length > 0) throw inputErrors(loaded.file, errors);
  return { ...data, file: loaded.file, source: loaded.source, compiled, appliesIf };
}

// Keywords whose errors schemaError puts in Danish.
const MAPPED = new Set(['additionalProperties', 'required', 'type', 'enum', 'minLength', 'minItems', 'minimum', 'uniqueItems']);

/**
 * A check's problems (checkProblems: ajv errors with the check as data) as Danish errors at the
 * keyword's position: one per place, the innermost where an alternative (anyOf) failed at several
 * depths, the first where it failed several ways at one place.
 */
function checkErrors(loaded: LoadedYaml, pointer: string, id: string, problems: readonly ErrorObject[]): InputError[] {
  // Errors about a property's name come just before the propertyNames error that names it.
  let names: ErrorObject | undefined;
  const placed = [...problems]
    .reverse()
    .map((e) => {
      if (e.keyword === 'propertyNames') names = e;
      const key = names && e !== names && e.schemaPath.startsWith(`${names.schemaPath}/`) ? toPointer([String(names.params.propertyName)]) : '';
      return { e, at: pointer + e.instancePath + key };
    })
    .reverse()
    .filter(({ e }) => e.keyword !== 'anyOf' && e.keyword !== 'propertyNames');
  const seen = new Set<string>();
  const out: InputError[] = [];
  for (const { e, at } of placed) {
    if (seen.has(at) || placed.some((o) => o.at.startsWith(`${at}/`))) continue;
    seen.add(at);
    const path = displayPath(at);
    if (e.keyword === 'linearPattern') {
      const problem = String(e.params.problem);
      out.push(new InputError(loaded.file, loaded.source.locate(at), 'checklist.badPattern', { id, path, problem, fragment: String(e.params.fragment) }));
    } else if (MAPPED.has(e.keyword)) {
      const combined = schemaError(loaded, [{ ...e, instancePath: at }]);
      for (const i of combined.details.length ? combined.details : [combined]) out.push(new InputError(loaded.file, i.position, 'checklist.badCheck', { id, detail: i.message }));
    } else {
      out.push(new InputError(loaded.file, loaded.source.locate(at), 'checklist.badKeyword', { id, path }));
    }
  }
  return out;
}

/** A check that passed checkProblems and still did not compile: a $ref to nothing, or worse. */
function compileError(loaded: LoadedYaml, pointer: string, id: string, check: JsonSchema, err: unknown): InputError {
  const missing = (err as { missingRef?: unknown }).missingRef;
  if (typeof missing === 'string') {
    const ref = findRef(check, missing);
    return new InputError(loaded.file, loaded.source.locate(ref === undefined ? pointer : pointer + ref), 'checklist.missingRef', { id, ref: missing });
  }
  return new InputError(loaded.file, loaded.source.locate(pointer), 'checklist.uncompilable', { id });
}

/** The pointer of the first $ref in a check that names `target`. */
function findRef(value: unknown, target: string, at: string[] = []): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && target.endsWith(v)) return toPointer([...at, k]);
    const inner = findRef(v, target, [...at, k]);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The precompiled form of the bundled checklists, written by scripts/precompile.mjs. */
export interface BundledManifest {
  /** A hash of the files it was made from (see bundledSources). */
  sources: string;
  checklists: (Omit<Checklist, 'file' | 'source' | 'compiled' | 'appliesIf'> & {
    file: string;
    appliesIf?: string;
    validators: Record<string, { check?: string; partial?: string; appliesIf?: string }>;
  })[];
}

/** What the precompiled checklists and validators were made from (see sourceFingerprint). */
export function bundledSources(): string {
  return sourceFingerprint([...BUNDLED_CHECKLISTS, GENERIC_WORDS, 'schemas/kvalitetsstandard.schema.json', 'schemas/lovhenvisninger.schema.json', 'schemas/baseline.schema.json']);
}

/**
 * The bundled checklists: from the precompiled manifest when it is fresh (no YAML parsing, no
 * ajv), else loaded and compiled from the YAML files.
 */
export function loadBundledChecklists(): Checklist[] {
  const validators = precompiledValidators();
  let manifest: BundledManifest | undefined;
  try {
    manifest = readJsonAsset<BundledManifest>('generated/bundled.json');
  } catch {
    manifest = undefined;
  }
  if (!validators || !manifest || manifest.sources !== bundledSources()) return loadChecklists(bundledChecklistPaths());
  return manifest.checklists.map((c) => {
    const compiled = new Map<string, CompiledChecks>();
    for (const [id, names] of Object.entries(c.validators)) {
      compiled.set(id, {
        check: names.check ? validators[names.check] : undefined,
        partial: names.partial ? validators[names.partial] : undefined,
        appliesIf: names.appliesIf ? validators[names.appliesIf] : undefined,
      });
    }
    const { validators: _names, appliesIf, ...data } = c;
    return { ...data, file: fileURLToPath(new URL(c.file, packageRoot)), compiled, appliesIf: appliesIf ? validators[appliesIf] : undefined };
  });
}

export function loadChecklists(files: readonly string[]): Checklist[] {
  const lists = files.map(loadChecklist);
  const ids = new Set<string>();
  for (const c of lists) {
    if (ids.has(c.checklist.id)) throw new InputError(c.file, c.source?.locate('/checklist/id'), 'checklist.duplicateChecklist', { id: c.checklist.id });
    ids.add(c.checklist.id);
  }
  return lists;
}

// ---- The catalog: the public, stable JSON shape of a requirement ----

export interface CatalogEntry {
  id: string;
  printedId: string | null;
  checklist: string;
  retningslinje: { id: string; title: string };
  levels: Level[];
  kind: Kind;
  actor: string[];
  text: string;
  points: string[];
  parts: Part[];
  levelNote: string | null;
  legalBasis: string[];
  related: string[];
  machineCheck: boolean;
  /** What the check looks for and where it belongs in the standard. */
  hint: string | null;
  /** Words and phrases that show a text speaks to the requirement's subject (evidence search). */
  terms: string[];
  /** The subject in plain Danish ("kommunens regler for gavekort"), or null when the list gives none. */
  subject: string | null;
  verbatim: boolean;
  source: string;
}

const entries = new WeakMap<Requirement, CatalogEntry>();

/** A requirement's public form, built once per requirement (a batch audits many files against it). */
export function catalogEntry(list: Checklist, r: Requirement): CatalogEntry {
  let entry = entries.get(r);
  if (!entry) entries.set(r, (entry = buildEntry(list, r)));
  return entry;
}

function buildEntry(list: Checklist, r: Requirement): CatalogEntry {
  const group = list.retningslinjer.find((g) => g.id === r.retningslinje) as Group;
  const src = list.checklist.source;
  return {
    id: r.id,
    printedId: r.printedId && r.printedId !== r.id ? r.printedId : null,
    checklist: list.checklist.id,
    retningslinje: { id: group.id, title: group.title },
    levels: LEVELS.filter((l) => r.levels.includes(l)),
    kind: r.kind,
    actor: r.actor,
    text: r.text,
    points: r.points ?? [],
    parts: r.parts ?? [],
    levelNote: r.levelNote ?? null,
    legalBasis: r.legalBasis ?? group.lovgivning ?? [],
    related: r.related ?? [],
    machineCheck: r.check !== undefined,
    hint: r.hint ?? null,
    subject: r.subject ?? null,
    terms: r.terms ?? [],
    verbatim: r.verbatim ?? src.verbatim !== false,
    source: [src.publisher, src.title, src.edition].filter(Boolean).join(', '),
  };
}

export function catalog(lists: readonly Checklist[]): CatalogEntry[] {
  return lists.flatMap((l) => l.requirements.map((r) => catalogEntry(l, r)));
}

/** Requirements that name this one as related, across all loaded checklists (links go both ways). */
export function relatedIds(entries: readonly CatalogEntry[], id: string): string[] {
  const own = entries.find((e) => e.id === id)?.related ?? [];
  const back = entries.filter((e) => e.related.includes(id)).map((e) => e.id);
  return [...new Set([...own, ...back])];
}
