// Turning JSON Schemas into validators. The bundled schemas and checks are compiled ahead of time
// (scripts/precompile.mjs writes generated/validators.cjs with ajv's standalone code); ajv itself is
// loaded only when a consultant's local checklist has to be compiled at run time.
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, KeywordCxt, Options, ValidateFunction } from 'ajv';
import { RE2JS, RE2JSSyntaxException } from 're2js';
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

/** What a pattern has that the linear-time engine cannot run: one of RE2's syntax errors. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    /** RE2's description, e.g. "invalid escape sequence" (see messages.ts: regexProblem). */
    readonly problem: string,
    /** The part of the pattern it stopped at, e.g. `\1` or `(?=`. */
    readonly fragment: string,
  ) {
    super(`${problem}: ${fragment}`);
    this.name = 'PatternError';
  }
}

/**
 * The regular expression engine of every validator, bundled or compiled at run time: RE2 (re2js),
 * whose matching time is linear in the text, so a checklist's pattern such as (a+)+$ cannot hang an
 * audit. JavaScript's own syntax (\uXXXX, named groups, \/) is translated first; what RE2 has no
 * linear-time way to run (backreferences, lookaround) is a PatternError. ajv passes only the "u"
 * flag, and RE2 always reads Unicode, so flags are not needed.
 */
export function linearRegExp(pattern: string): { test(s: string): boolean } {
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (err) {
    if (err instanceof RE2JSSyntaxException) throw new PatternError(pattern, err.getDescription(), err.getPattern() ?? '');
    throw err;
  }
}
// How ajv's standalone code (generated/validators.cjs) reaches the engine: a path from generated/.
linearRegExp.code = 'require("../dist/compile.js").linearRegExp';

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
    // A tuple without minItems is valid JSON Schema; ajv would refuse it (in English) only as a hint.
    strictTuples: false,
    allowUnionTypes: true,
    ...extra,
    code: { ...extra.code, regExp: linearRegExp },
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

let metaValidator: ValidateFunction | undefined;

/** The check meta-schema's keyword for patterns: true when the linear-time engine can run it. */
function linearPattern(_schema: boolean, data: string): boolean {
  linearPattern.errors = [] as Partial<ErrorObject>[];
  try {
    linearRegExp(data);
    return true;
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    linearPattern.errors = [{ keyword: 'linearPattern', params: { problem: err.problem, fragment: err.fragment } }];
    return false;
  }
}
linearPattern.errors = [] as Partial<ErrorObject>[];

/**
 * What is wrong with a check from a checklist, as ajv errors with the check as the data, so the
 * usual mapping gives Danish messages at the keyword's position (ajv's own "schema is invalid" and
 * "strict mode" errors are English and name no position). The check is read against JSON Schema
 * draft-07's meta-schema, tightened to what the engine compiles: only keywords it knows (so a
 * misspelt one is an unknown key with a suggestion), only formats it knows, maxAgeMonths a whole
 * number of months, and every pattern one the linear-time engine can run. Empty when it compiles.
 */
export function checkProblems(check: JsonSchema): ErrorObject[] {
  shared ??= createAjv();
  if (!metaValidator) {
    const draft7 = structuredClone(require('ajv/dist/refs/json-schema-draft-07.json')) as JsonSchema & { properties: Record<string, unknown> };
    const props = draft7.properties;
    for (const key of ['$id', '$schema', '$ref']) props[key] = { type: 'string' };
    props.maxAgeMonths = { type: 'integer', minimum: 1 };
    props.pattern = { type: 'string', linearPattern: true };
    props.format = { type: 'string', enum: Object.keys(shared.formats) };
    props.patternProperties = { type: 'object', additionalProperties: { $ref: '#' }, propertyNames: { linearPattern: true } };
    // ajv lists "id" only to reject it (draft-04's name for $id).
    const known = Object.keys(shared.RULES.all).filter((k) => k !== 'id');
    for (const key of known) props[key] ??= true;
    const { $schema: _draft, ...rest } = draft7;
    const meta = { ...rest, $id: 'https://kvalitetstjek.dk/schemas/check-meta', additionalProperties: false };
    const ajv = createAjv();
    ajv.addKeyword({
      keyword: 'linearPattern',
      type: 'string',
      schemaType: 'boolean',
      errors: true,
      validate: linearPattern,
    });
    metaValidator = ajv.compile(meta);
  }
  return metaValidator(check) ? [] : [...(metaValidator.errors ?? [])];
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
