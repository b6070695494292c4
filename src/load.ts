// Reading a YAML file: bytes → UTF-8 text → YAML document with positions → plain data.
// Never writes; every problem becomes an InputError with file, line and column.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import { InputError, inputErrors, MAX_LISTED_ERRORS } from './errors.js';
import type { MessageArgs, MessageId } from './messages.js';
import { createSourceMap, LineCounter, parseDocument } from './positions.js';
import type { Position, SourceMap } from './positions.js';

/**
 * Limits on what a file may ask of the reader, each stated in the README. A real standard is under
 * 200 kB, nests under 10 levels and needs no aliases; the limits leave ample room above that while
 * keeping time and memory bounded for a hostile file.
 */
export const LIMITS = {
  /** Largest file read, checked before reading or parsing. */
  fileBytes: 1024 * 1024,
  /** Largest published document (PDF, Word, web page) that import reads: images make these big. */
  documentBytes: 50 * 1024 * 1024,
  /** Deepest nesting of mappings and lists (the top-level mapping is level 1). */
  depth: 100,
  /** Values that aliases (*name) may add to the document in all, counting each repetition. */
  aliasValues: 10_000,
} as const;

export interface LoadedYaml {
  file: string;
  text: string;
  data: Record<string, unknown>;
  source: SourceMap;
}

/** Rounded up to a tenth, so a file just over the limit does not read as the limit itself. */
const megabytes = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toLocaleString('da-DK')} MB`;

function checkSize(file: string, bytes: number, limit: number = LIMITS.fileBytes): void {
  if (bytes > limit) throw new InputError(file, limitPosition(file, limit), 'input.tooLarge', { size: megabytes(bytes), limit: megabytes(limit) });
}

/** Where in the file the limit is passed (line and column of its first byte beyond), read no further. */
function limitPosition(file: string, limit: number): Position | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(limit);
    const read = readSync(fd, head, 0, limit, 0);
    const text = new TextDecoder('utf-8').decode(head.subarray(0, read));
    const lastBreak = text.lastIndexOf('\n');
    return { line: (text.match(/\n/g)?.length ?? 0) + 1, column: text.length - lastBreak };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readText(file: string): string {
  return decodeUtf8(file, readBytes(file));
}

/** A file's bytes, up to `limit`; a missing, unreadable or larger file is an InputError. */
export function readBytes(file: string, limit: number = LIMITS.fileBytes): Buffer {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(file, undefined, 'input.notAFile');
    checkSize(file, stat.size, limit);
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

interface Problem {
  offset: number;
  id: MessageId;
  args: MessageArgs;
}

/**
 * What the parser leaves to us, found in one walk over the document in source order, so that the
 * cost stays linear in the file: keys used twice in a mapping (the parser's own check compares each
 * key with every earlier one), nesting beyond the limit, and aliases that name no earlier anchor,
 * repeat their own anchor or together expand beyond the limit. The parser's conversion to plain data
 * finds the alias problems too, but throws them in English without a position.
 */
function structureProblems(doc: Document): Problem[] {
  const problems: Problem[] = [];
  interface Frame {
    node: YamlNode;
    depth: number;
    parent: Frame | undefined;
    /** Values in the node once its aliases are expanded: what an alias to it adds. */
    size: number;
    /** Levels of collections from the node down, aliases expanded (1 for a flat list). */
    height: number;
  }
  const anchors = new Map<string, { open: boolean; size: number; height: number }>();
  let aliasValues = 0;
  const stack: (Frame | { exit: Frame })[] = [];
  const push = (node: unknown, parent: Frame | undefined) => {
    if (node && typeof node === 'object') stack.push({ node: node as YamlNode, depth: (parent?.depth ?? 0) + 1, parent, size: 1, height: 1 });
  };
  push(doc.contents, undefined);
  while (stack.length > 0) {
    const top = stack.pop() as Frame | { exit: Frame };
    if ('exit' in top) {
      const f = top.exit;
      if (f.parent) {
        f.parent.size += f.size;
        f.parent.height = Math.max(f.parent.height, 1 + f.height);
      }
      if (f.node.anchor) anchors.set(f.node.anchor, { open: false, size: f.size, height: f.height });
      continue;
    }
    const { node } = top;
    const offset = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      const anchor = anchors.get(node.source);
      if (!anchor) problems.push({ offset, id: 'input.aliasUndefined', args: { name: node.source } });
      else if (anchor.open) problems.push({ offset, id: 'input.aliasCircular', args: { name: node.source } });
      // An alias to a collection nests that collection here: the limit holds for the data as read.
      else if (top.depth - 1 + anchor.height > LIMITS.depth) return [{ offset, id: 'input.tooDeep', args: { limit: LIMITS.depth } }];
      else {
        if (aliasValues <= LIMITS.aliasValues && aliasValues + anchor.size > LIMITS.aliasValues) {
          problems.push({ offset, id: 'input.aliasLimit', args: { limit: LIMITS.aliasValues.toLocaleString('da-DK') } });
        }
        aliasValues += anchor.size;
        if (top.parent) {
          top.parent.size += anchor.size;
          top.parent.height = Math.max(top.parent.height, 1 + anchor.height);
        }
      }
      continue;
    }
    if (isScalar(node)) {
      if (node.anchor) anchors.set(node.anchor, { open: false, size: 1, height: 0 });
      if (top.parent) top.parent.size += 1;
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    // Only a collection nests; a scalar inside the deepest allowed list is fine.
    if (top.depth > LIMITS.depth) return [{ offset, id: 'input.tooDeep', args: { limit: LIMITS.depth } }];
    if (node.anchor) anchors.set(node.anchor, { open: true, size: 0, height: 0 });
    stack.push({ exit: top });
    const children: unknown[] = [];
    const keys = new Set<string>();
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        children.push(item);
        continue;
      }
      const key = item.key as YamlNode | null;
      // With stringKeys every valid key is a text; other keys are reported by the parser.
      if (isScalar(key) && typeof key.value === 'string') {
        if (keys.has(key.value)) problems.push({ offset: key.range?.[0] ?? offset, id: 'input.yamlSyntax', args: { code: 'DUPLICATE_KEY' } });
        keys.add(key.value);
      }
      children.push(key, item.value);
    }
    // Pushed in reverse so they are visited in source order, as the parser resolves aliases.
    for (let i = children.length - 1; i >= 0; i--) push(children[i], top);
  }
  return problems;
}

export function parseYaml(file: string, text: string): LoadedYaml {
  checkSize(file, Buffer.byteLength(text, 'utf8'));
  const lineCounter = new LineCounter();
  // stringKeys: a mapping or list used as a key is an error with a position, not a warning from
  // the conversion. uniqueKeys is checked in structureProblems, in linear time.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, stringKeys: true, uniqueKeys: false });
  const source = createSourceMap(doc, lineCounter, text);
  const found = structureProblems(doc);
  const tooDeep = found.find((p) => p.id === 'input.tooDeep');
  // Too deep a file also exhausts the parser's stack: the limit is the one problem worth reporting.
  if (tooDeep) throw new InputError(file, source.positionOf(tooDeep.offset), tooDeep.id, tooDeep.args);
  if (doc.errors.length > 0 || found.length > 0) {
    // A plain text running into a "key:" on the next line is reported twice by the parser, at the
    // start of the text; the colon's line is where the user must look.
    const multiline = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
    const errors = doc.errors
      .filter((e) => !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])))
      .map((e): Problem => ({ id: 'input.yamlSyntax', args: { code: problemCode(e) }, offset: e.code === 'MULTILINE_IMPLICIT_KEY' ? e.pos[1] - 1 : e.pos[0] }))
      .concat(found)
      .sort((a, b) => a.offset - b.offset);
    const seen = new Set<number>();
    const distinct = errors.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
    const listed = distinct.slice(0, MAX_LISTED_ERRORS).map((e) => new InputError(file, source.positionOf(e.offset), e.id, e.args));
    throw inputErrors(file, listed, distinct.length);
  }
  if (doc.contents === null) throw new InputError(file, { line: 1, column: 1 }, 'input.empty');
  if (!isMap(doc.contents)) {
    throw new InputError(file, source.locate(''), 'input.notAnObject');
  }
  return { file, text, data: toPlainData(file, doc, source), source };
}

/**
 * The document as plain data. structureProblems has already bounded the aliases; the parser's own
 * limit stays as a second guard, its English error replaced by ours at the first alias.
 */
function toPlainData(file: string, doc: Document, source: SourceMap): Record<string, unknown> {
  try {
    return doc.toJS({ maxAliasCount: LIMITS.aliasValues }) as Record<string, unknown>;
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let first: number | undefined;
    visit(doc, { Alias: (_, node) => ((first = node.range?.[0]), visit.BREAK) });
    throw new InputError(file, source.positionOf(first ?? 0), 'input.aliasLimit', { limit: LIMITS.aliasValues.toLocaleString('da-DK') });
  }
}

export function loadYamlFile(file: string): LoadedYaml {
  return parseYaml(file, readText(file));
}
