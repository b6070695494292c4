// Loading the legal reference data (checklists/lovhenvisninger.yaml), validated against
// schemas/lovhenvisninger.schema.json (precompiled at build time, like the checklists' checks).
import { fileURLToPath } from 'node:url';
import { inputErrors } from './errors.js';
import { compileSchema, precompiledValidators } from './compile.js';
import { loadYamlFile } from './load.js';
import type { ReferenceData } from './references.js';
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
  return loaded.data as unknown as ReferenceData;
}
