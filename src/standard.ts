// The kvalitetsstandard document: loading and validating it against schemas/kvalitetsstandard.schema.json.
import type { ValidateFunction } from 'ajv';
import { inputErrors } from './errors.js';
import { loadYamlFile, parseYaml } from './load.js';
import type { LoadedYaml } from './load.js';
import { parsePointer } from './positions.js';
import { compileSchema, precompiledValidators } from './compile.js';
import { propertyOrder, schemaError, standardSchema } from './schema.js';
import type { JsonSchema } from './schema.js';

export interface Declaration {
  krav: string;
  status: 'opfyldt' | 'afvigelse';
  begrundelse: string;
  henvisning?: string;
  ansvarlig?: string;
  udløber?: string;
}

/** The parts of a standard the engine reads by name; the rest is checked by the checklists' schemas. */
export interface StandardData {
  kommune: string;
  titel: string;
  version?: string;
  vedtaget?: { dato?: string; af?: string };
  senest_revideret?: string;
  næste_revision?: string;
  url?: string;
  erklæringer?: Declaration[];
  [key: string]: unknown;
}

export interface Standard extends LoadedYaml {
  data: StandardData;
}

let validateShape: ValidateFunction | undefined;
let schema: JsonSchema | undefined;

function shape(): ValidateFunction {
  validateShape ??= precompiledValidators()?.standard ?? compileSchema((schema ??= standardSchema()));
  return validateShape;
}

/** Validate a parsed YAML file as a kvalitetsstandard; throws an InputError listing every problem. */
export function asStandard(loaded: LoadedYaml): Standard {
  const validate = shape();
  if (!validate(loaded.data)) throw schemaError(loaded, validate.errors ?? []);
  return loaded as Standard;
}

export function loadStandard(file: string): Standard {
  return asStandard(loadYamlFile(file));
}

export function parseStandard(file: string, text: string): Standard {
  return asStandard(parseYaml(file, text));
}

/** The property order the format declares at a pointer: where an absent section belongs. */
export function sectionOrderAt(pointer: string): string[] | undefined {
  schema ??= standardSchema();
  const defs = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const deref = (s: JsonSchema | undefined): JsonSchema | undefined => {
    const ref = s?.$ref;
    return typeof ref === 'string' && ref.startsWith('#/definitions/') ? deref(defs[ref.slice(14)]) : s;
  };
  let node: JsonSchema | undefined = deref(schema);
  for (const seg of parsePointer(pointer)) {
    if (!node) return undefined;
    if (/^\d+$/.test(seg) && node.items) node = deref(node.items as JsonSchema);
    else node = deref((node.properties as Record<string, JsonSchema> | undefined)?.[seg]);
  }
  return propertyOrder(node);
}
