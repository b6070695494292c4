// Baselines: known gaps a pipeline accepts until they expire. Reading validates against
// schemas/baseline.schema.json; writing lists every gap and reference finding of the given reports.
import { yamlText } from './safe-text.js';
import { parseDocument, stringify } from 'yaml';
import { referenceKey } from './audit.js';
import type { BaselineEntry, Report } from './audit.js';
import { compileSchema, precompiledValidators } from './compile.js';
import { inputErrors } from './errors.js';
import { loadYamlFile } from './load.js';
import { t } from './messages.js';
import { readJsonAsset, schemaError } from './schema.js';
import type { JsonSchema } from './schema.js';

export const baselineSchema = (): JsonSchema => readJsonAsset<JsonSchema>('schemas/baseline.schema.json');

/** The entries of a baseline file, and its text (for pruning). */
export function readBaseline(file: string): { entries: BaselineEntry[]; text: string } {
  const loaded = loadYamlFile(file);
  const validate = precompiledValidators()?.baseline ?? compileSchema(baselineSchema());
  if (!validate(loaded.data)) throw schemaError(loaded, validate.errors ?? []);
  return { entries: (loaded.data as { kendte_mangler: BaselineEntry[] }).kendte_mangler, text: loaded.text };
}

export const loadBaseline = (file: string): BaselineEntry[] => readBaseline(file).entries;

type NewEntry = Required<BaselineEntry> & { beskrivelse: string };

/** The entries a baseline for these reports holds: every gap and reference finding, keyed by municipality. */
export function baselineEntries(reports: readonly Report[]): NewEntry[] {
  // Empty "ansvarlig" and "udløber" are there to be filled in, as ESLint's suppressions leave a place for a reason.
  const entries: NewEntry[] = [];
  const add = (kommune: string, nøgle: string, beskrivelse: string) => entries.push({ kommune, nøgle, beskrivelse, ansvarlig: '', udløber: '' });
  for (const r of reports) {
    for (const f of r.findings.filter((x) => x.gap)) add(r.standard.kommune, f.requirement.id, `${f.level}, ${t(`status.${f.status}`)}: ${f.reasons.map((x) => x.text).join('; ')}`);
    for (const ref of r.references) add(r.standard.kommune, referenceKey(ref), ref.message.text);
  }
  return entries;
}

/** The baseline file for these entries. */
export function baselineText(entries: readonly NewEntry[]): string {
  return `${t('baseline.header')}\n${yamlText(stringify({ kendte_mangler: entries }, { lineWidth: 0 }))}`;
}

/** The baseline file for these reports (the library's entry point). */
export const baselineFor = (reports: readonly Report[]): string => baselineText(baselineEntries(reports));

/**
 * Entries that silence nothing any more: for a municipality audited in this run, naming no gap or
 * reference finding it has now. Entries for municipalities not audited are left alone.
 */
export function staleEntries(baseline: readonly BaselineEntry[], reports: readonly Report[]): BaselineEntry[] {
  const keys = new Map<string, Set<string>>();
  for (const r of reports) {
    const set = keys.get(r.standard.kommune) ?? new Set<string>();
    for (const f of r.findings) if (f.gap) set.add(f.requirement.id);
    for (const ref of r.references) set.add(referenceKey(ref));
    keys.set(r.standard.kommune, set);
  }
  return baseline.filter((b) => keys.has(b.kommune) && !keys.get(b.kommune)?.has(b.nøgle));
}

/** The baseline file's text without the stale entries; its comments and the other entries stay as written. */
export function prunedBaseline(text: string, stale: readonly BaselineEntry[]): string {
  const doc = parseDocument(text);
  const data = doc.toJS() as { kendte_mangler: BaselineEntry[] };
  const drop = new Set(stale.map((b) => `${b.kommune}\u0000${b.nøgle}`));
  // From the end, so the indexes of the entries still to look at do not move.
  for (let i = data.kendte_mangler.length - 1; i >= 0; i--) {
    const b = data.kendte_mangler[i] as BaselineEntry;
    if (drop.has(`${b.kommune}\u0000${b.nøgle}`)) doc.deleteIn(['kendte_mangler', i]);
  }
  return doc.toString({ lineWidth: 0 });
}
