// Turning JSON Schemas into validators. The bundled schemas and checks are compiled ahead of time
// (scripts/precompile.mjs writes generated/validators.cjs with ajv's standalone code); ajv itself is
// loaded only when a consultant's local checklist has to be compiled at run time.
import { createRequire } from 'node:module';
import type { Ajv, KeywordCxt, Options, ValidateFunction } from 'ajv';
import type { JsonSchema } from './schema.js';

const require = createRequire(import.meta.url);

/**
 * maxAgeMonths: a YYYY-MM-DD date that is at most this many months before the audit date. The audit
 * date comes in as the validation context (`this`, ajv's passContext). Written as generated code so
 * it survives standalone compilation.
 */
function addMaxAgeMonths(ajv: Ajv): void {
  const { _ } = require('ajv') as typeof import('ajv');
  ajv.addKeyword({
    keyword: 'maxAgeMonths',
    type: 'string',
    schemaType: 'number',
    error: {
      message: 'date is too old',
      params: ({ schema }) => _`{months: ${schema}}`,
    },
    code(cxt: KeywordCxt) {
      const { data, schema } = cxt;
      const ctx = _`this`;
      const month = _`(+${data}.slice(5, 7) - 1 + ${schema})`;
      const deadline = _`String(+${data}.slice(0, 4) + Math.floor(${month} / 12)) + "-" + String(${month} % 12 + 1).padStart(2, "0") + "-" + ${data}.slice(8, 10)`;
      cxt.fail(_`${ctx} && typeof ${ctx}.auditDate == "string" && /^\\d{4}-\\d{2}-\\d{2}$/.test(${data}) && ${ctx}.auditDate > ${deadline}`);
    },
  });
}

export function createAjv(extra: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
  const ajv = new AjvClass({
    allErrors: true,
    verbose: true,
    passContext: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    ...extra,
  });
  addFormats(ajv);
  addMaxAgeMonths(ajv);
  return ajv;
}

let shared: Ajv | undefined;

/** Compile at run time (local checklists, or when the precompiled code is missing or stale). */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  shared ??= createAjv();
  return shared.compile(schema);
}

export interface Precompiled {
  validators: Record<string, ValidateFunction>;
}

let precompiled: Record<string, ValidateFunction> | null | undefined;

/** The bundled CLI hands over the validators it carries, so they need not be loaded from disk. */
export function providePrecompiled(validators: Record<string, ValidateFunction>): void {
  precompiled = validators;
}

/** The ahead-of-time validators, or null when they have not been generated (e.g. before a build). */
export function precompiledValidators(): Record<string, ValidateFunction> | null {
  if (precompiled === undefined) {
    try {
      // A literal path, so the bundler folds the generated validators into the bundle.
      precompiled = require('../generated/validators.cjs') as Record<string, ValidateFunction>;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}
