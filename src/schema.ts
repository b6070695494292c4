// The bundled schemas and the mapping of ajv's errors to Danish input errors with positions.
// Nothing here loads ajv itself: see compile.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { InputError, inputErrors, MAX_LISTED_ERRORS } from './errors.js';
import type { LoadedYaml } from './load.js';
import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import { parsePointer } from './positions.js';
import type { Position } from './positions.js';

const root = new URL('../', import.meta.url);
export const packageRoot = root;

/**
 * A sha256 of the source files' contents: generated files made from them are used only while this is
 * unchanged. Contents, not size and time: npm gives every file a new time when it installs a package,
 * which made an installed copy re-parse and recompile its checklists on every run. (node:crypto is
 * loaded at start-up anyway, by io.ts; hashing the ~170 kB takes about a millisecond.)
 */
export function sourceFingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(new URL(f, packageRoot))).update('\0');
  return hash.digest('hex');
}

export function readJsonAsset<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, root), 'utf8')) as T;
}

/** What a check's custom keywords read while validating: passed as `this` (ajv's passContext). */
export interface CheckContext {
  auditDate: string; // YYYY-MM-DD
}

export interface JsonSchema {
  [key: string]: unknown;
}

export const standardSchema = (): JsonSchema => readJsonAsset<JsonSchema>('schemas/kvalitetsstandard.schema.json');
export const checklistSchema = (): JsonSchema => readJsonAsset<JsonSchema>('schemas/checklist.schema.json');

/** A pointer as a reader sees it: organisering.tilbud[2].type */
export function displayPath(pointer: string): string {
  const parts = parsePointer(pointer);
  if (parts.length === 0) return 'dokumentet';
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** The order of properties a schema declares: where a missing key belongs. */
export function propertyOrder(schema: unknown): string[] | undefined {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : undefined;
}

function typeName(type: unknown): string {
  return (Array.isArray(type) ? type : [type]).map((x) => t(`type.${String(x)}` as MessageId)).join(' eller ');
}

/**
 * Turn ajv's errors for a loaded file into one Danish input error listing the problems in file order.
 * A hostile file can hold hundreds of thousands of problems: all are counted and placed, but only the
 * listed ones become errors (an Error costs a stack trace each).
 */
export function schemaError(loaded: LoadedYaml, errors: readonly ErrorObject[]): InputError {
  const out: { at: Position; id: MessageId; args: MessageArgs }[] = [];
  const push = (at: Position, id: MessageId, args: MessageArgs) => out.push({ at, id, args });
  for (const e of errors) {
    const path = displayPath(e.instancePath);
    const at = (pointer: string, order?: string[]) => loaded.source.locate(pointer, order);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const near = allowed.length ? closest(key, allowed) : '';
        const suggestion = near && isNear(key, near) ? near : '';
        push(at(`${e.instancePath}/${escape(key)}`), 'input.unknownKey', { key, suggestion });
        break;
      }
      case 'required': {
        const key = String(e.params.missingProperty);
        push(at(`${e.instancePath}/${escape(key)}`, propertyOrder(e.parentSchema)), 'input.requiredKey', { key });
        break;
      }
      case 'type':
        push(at(e.instancePath), 'input.wrongType', { path, expected: typeName(e.params.type) });
        break;
      case 'enum':
        push(at(e.instancePath), 'input.enum', { path, allowed: (e.params.allowedValues as unknown[]).map(String).join(', ') });
        break;
      case 'format': {
        const id = `format.${String(e.params.format)}` as MessageId;
        push(at(e.instancePath), 'input.format', { path, format: t(id) });
        break;
      }
      case 'formatMinimum':
      case 'formatMaximum': {
        const range = e.parentSchema as { formatMinimum?: string; formatMaximum?: string } | undefined;
        push(at(e.instancePath), 'input.dateRange', { path, min: range?.formatMinimum ?? '', max: range?.formatMaximum ?? '' });
        break;
      }
      case 'pattern':
        push(at(e.instancePath), 'input.pattern', { path });
        break;
      case 'minLength':
        push(at(e.instancePath), 'input.tooShort', { path });
        break;
      case 'minItems':
        push(at(e.instancePath), 'input.tooFewItems', { path, limit: Number(e.params.limit) });
        break;
      case 'minimum':
        push(at(e.instancePath), 'input.minimum', { path, limit: Number(e.params.limit) });
        break;
      case 'uniqueItems':
        push(at(e.instancePath), 'input.duplicateItems', { path });
        break;
      case 'if':
        break; // the failing branch reports the concrete problem
      default:
        push(at(e.instancePath), 'input.schemaOther', { path, detail: e.message ?? e.keyword });
    }
  }
  out.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const listed = out.slice(0, MAX_LISTED_ERRORS).map((e) => new InputError(loaded.file, { line: e.at.line, column: e.at.column }, e.id, e.args));
  return inputErrors(loaded.file, listed, out.length);
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isNear(a: string, b: string): boolean {
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(b.length / 3));
}

export type { ValidateFunction };
