// Baselines: known gaps a pipeline accepts until they expire. Reading validates against
// schemas/baseline.schema.json; writing lists every gap and reference finding of the given reports.
import { yamlText } from './safe-text.js';
import { stringify } from 'yaml';
import { referenceKey } from './audit.js';
import type { BaselineEntry, Report } from './audit.js';
import { compileSchema, precompiledValidators } from './compile.js';
import { inputErrors } from './errors.js';
import { loadYamlFile } from './load.js';
import { t } from './messages.js';
import { readJsonAsset, schemaError } from './schema.js';
import type { JsonSchema } from './schema.js';

export const baselineSchema = (): JsonSchema => readJsonAsset<JsonSchema>('schemas/baseline.schema.json');

export function loadBaseline(file: string): BaselineEntry[] {
  const loaded = loadYamlFile(file);
  const validate = precompiledValidators()?.baseline ?? compileSchema(baselineSchema());
  if (!validate(loaded.data)) throw schemaError(loaded, validate.errors ?? []);
  return (loaded.data as { kendte_mangler: BaselineEntry[] }).kendte_mangler;
}

/** The baseline file for these reports: every gap and every reference finding, keyed by municipality. */
export function baselineFor(reports: readonly Report[]): string {
  const entries: (BaselineEntry & { beskrivelse: string })[] = [];
  for (const r of reports) {
    for (const f of r.findings.filter((x) => x.gap)) {
      entries.push({ kommune: r.standard.kommune, nøgle: f.requirement.id, beskrivelse: `${f.level}, ${t(`status.${f.status}`)}: ${f.reasons.map((x) => x.text).join('; ')}` });
    }
    for (const ref of r.references) entries.push({ kommune: r.standard.kommune, nøgle: referenceKey(ref), beskrivelse: ref.message.text });
  }
  return `${t('baseline.header')}\n${yamlText(stringify({ kendte_mangler: entries }, { lineWidth: 0 }))}`;
}
