// Loading the legal reference data (checklists/lovhenvisninger.yaml), validated against
// schemas/lovhenvisninger.schema.json (precompiled at build time, like the checklists' checks).
import { fileURLToPath } from 'node:url';
import { InputError, inputErrors } from './errors.js';
import { compileSchema, precompiledValidators } from './compile.js';
import { loadYamlFile } from './load.js';
import type { ReferenceData, SourceRef } from './references.js';
import { packageRoot, readJsonAsset, schemaError, sourceFingerprint } from './schema.js';
import type { JsonSchema } from './schema.js';

export const BUNDLED_REFERENCES = 'checklists/lovhenvisninger.yaml';

/** What generated/references.json was made from (see sourceFingerprint). */
export const referenceSources = (): string => sourceFingerprint([BUNDLED_REFERENCES, 'schemas/lovhenvisninger.schema.json']);

export const referenceSchema = (): JsonSchema => readJsonAsset<JsonSchema>('schemas/lovhenvisninger.schema.json');

/**
 * The bundled data comes precompiled (generated/references.json, written by the build and used
 * while its source is unchanged); another file is read and validated.
 */
export function loadReferenceData(file?: string): ReferenceData {
  if (file === undefined) {
    try {
      const pre = readJsonAsset<{ sources: string; data: ReferenceData }>('generated/references.json');
      if (pre.sources === referenceSources()) return pre.data;
    } catch {
      // not built yet: read the YAML below
    }
  }
  const path = file ?? fileURLToPath(new URL(BUNDLED_REFERENCES, packageRoot));
  const loaded = loadYamlFile(path);
  const validate = precompiledValidators()?.references ?? compileSchema(referenceSchema());
  if (!validate(loaded.data)) throw schemaError(loaded, validate.errors ?? []);
  const data = loaded.data as unknown as ReferenceData;
  const dangling = danglingRefs(data);
  if (dangling.length) throw inputErrors(path, dangling.map(({ pointer, id }) => new InputError(path, loaded.source.locate(pointer), 'input.unknownReferenceId', { id })));
  return data;
}

/** The ids a fact refers to (a source, a provision that replaced it) that the data does not hold. */
export function danglingRefs(data: ReferenceData): { pointer: string; id: string }[] {
  const sources = new Set(data.sources.map((s) => s.id));
  const provisions = new Set(data.provisions.map((p) => p.id));
  const out: { pointer: string; id: string }[] = [];
  const refs = (list: readonly SourceRef[], at: string) => list.forEach((r, i) => sources.has(r.ref) || out.push({ pointer: `${at}/sources/${i}/ref`, id: r.ref }));
  const ids = (list: readonly string[] | undefined, at: string) => (list ?? []).forEach((id, i) => provisions.has(id) || out.push({ pointer: `${at}/${i}`, id }));
  data.laws.forEach((l, i) => refs(l.sources, `/laws/${i}`));
  data.registers.forEach((r, i) => refs(r.sources, `/registers/${i}`));
  data.provisions.forEach((p, i) => {
    const at = `/provisions/${i}`;
    refs(p.sources, at);
    (p.formerly ?? []).forEach((f, j) => refs(f.sources, `${at}/formerly/${j}`));
    ids(p.replacedBy, `${at}/replacedBy`);
    if (p.underAge) {
      refs(p.underAge.sources, `${at}/underAge`);
      ids(p.underAge.replacedBy, `${at}/underAge/replacedBy`);
    }
  });
  return out;
}
