// Reading a YAML file: bytes → UTF-8 text → YAML document with positions → plain data.
// Never writes; every problem becomes an InputError with file, line and column.
import { readFileSync, statSync } from 'node:fs';
import { isMap } from 'yaml';
import type { YAMLError } from 'yaml';
import { InputError, inputErrors } from './errors.js';
import { createSourceMap, LineCounter, parseDocument } from './positions.js';
import type { SourceMap } from './positions.js';

export interface LoadedYaml {
  file: string;
  text: string;
  data: Record<string, unknown>;
  source: SourceMap;
}

export function readText(file: string): string {
  return decodeUtf8(file, readBytes(file));
}

/** A file's bytes; a missing or unreadable file is an InputError. */
export function readBytes(file: string): Buffer {
  try {
    if (!statSync(file).isFile()) throw new InputError(file, undefined, 'input.notAFile');
    return readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, undefined, 'input.fileMissing');
    throw new InputError(file, undefined, 'input.unreadable', { reason: code ?? String(err) });
  }
}

export function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Locate the first byte that is not UTF-8 so the user knows where to look.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(at, 0));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new InputError(file, { line, column }, 'input.notUtf8');
  }
}

/**
 * The parser's error code, except that an unclosed [ ] or { } is told apart from other indentation
 * errors: yaml reports both as BAD_INDENT, at the line where it gave up waiting for the bracket.
 * Only its message says which; if that wording changes, the general text is shown.
 */
function problemCode(e: YAMLError): string {
  return e.code === 'BAD_INDENT' && /^Flow (sequence|map)\b/.test(e.message) ? 'UNCLOSED_FLOW' : e.code;
}

export function parseYaml(file: string, text: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source = createSourceMap(doc, lineCounter, text);
  if (doc.errors.length > 0) {
    // A plain text running into a "key:" on the next line is reported twice by the parser, at the
    // start of the text; the colon's line is where the user must look.
    const multiline = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
    const errors = doc.errors
      .filter((e) => !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])))
      .map((e) => ({ code: problemCode(e), offset: e.code === 'MULTILINE_IMPLICIT_KEY' ? e.pos[1] - 1 : e.pos[0] }));
    throw inputErrors(
      file,
      errors
        .filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i)
        .map((e) => new InputError(file, source.positionOf(e.offset), 'input.yamlSyntax', { code: e.code })),
    );
  }
  if (doc.contents === null) throw new InputError(file, { line: 1, column: 1 }, 'input.empty');
  if (!isMap(doc.contents)) {
    throw new InputError(file, source.locate(''), 'input.notAnObject');
  }
  return { file, text, data: doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>, source };
}

export function loadYamlFile(file: string): LoadedYaml {
  return parseYaml(file, readText(file));
}
