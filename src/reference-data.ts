// Loading the legal reference data (checklists/lovhenvisninger.yaml), validated against
// schemas/lovhenvisninger.schema.json (precompiled at build time, like the checklists' checks).
import { fileURLToPath } from 'node:url';
import { inputErrors } from './errors.js';
import { compileSchema, precompiledValidators } from './compile.js';
import { loadYamlFile } from './load.js';
import type { ReferenceData } from './references.js';
import { packageRoot, readJsonAsset, schemaErrors } from './schema.js';
import type { JsonSchema } from './schema.js';

export const BUNDLED_REFERENCES = 'checklists/lovhenvisninger.yaml';

export const referenceSchema = (): JsonSchema => readJsonAsset<JsonSchema>('schemas/lovhenvisninger.schema.json');

export function loadReferenceData(file: string = fileURLToPath(new URL(BUNDLED_REFERENCES, packageRoot))): ReferenceData {
  const loaded = loadYamlFile(file);
  const validate = precompiledValidators()?.references ?? compileSchema(referenceSchema());
  if (!validate(loaded.data)) throw inputErrors(file, schemaErrors(loaded, validate.errors ?? []));
  return loaded.data as unknown as ReferenceData;
}
