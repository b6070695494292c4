// The one place where JSON pointers become line:column positions in a YAML source.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Location extends Position {
  /** JSON pointer to the value the finding is about. */
  pointer: string;
  /** False when the pointer names something absent; the position is then where it belongs. */
  exists: boolean;
  /** The page of the source, when the standard was imported from a PDF. */
  page?: number;
}

export interface SourceMap {
  locate(pointer: string, siblingOrder?: readonly string[]): Location;
  /** Where a piece of a text value stands in the file: the n-th match of `needle` in its source. */
  locateWithin(pointer: string, needle: string, occurrence?: number): Location;
  positionOf(offset: number): Position;
  /**
   * Where the character at `index` of a text value stands in the file. The value is what the YAML
   * parser made of the source (indentation and a block scalar's header removed, folded lines
   * joined), so the two are aligned character by character; computed once per value.
   */
  locateInValue(pointer: string, index: number): Location;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a JSON pointer names in plain data, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  return parsePointer(pointer).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Each mapping's members by key name, built on first use: a lookup must not rescan the mapping. */
const membersOf = new WeakMap<object, Map<string, { keyNode?: YamlNode; value?: YamlNode }>>();

function child(node: unknown, key: string): { keyNode?: YamlNode; value?: YamlNode } | undefined {
  if (isMap(node)) {
    let members = membersOf.get(node);
    if (!members) {
      members = new Map();
      for (const pair of node.items) {
        const k = pair.key;
        const name = isScalar(k) ? String(k.value) : String(k);
        // The first of two equal keys, as a scan would find it.
        if (!members.has(name)) members.set(name, { keyNode: k as YamlNode, value: (pair.value ?? undefined) as YamlNode | undefined });
      }
      membersOf.set(node, members);
    }
    return members.get(key);
  }
  if (isSeq(node)) {
    const index = Number(key);
    const item = Number.isInteger(index) ? node.items[index] : undefined;
    return item === undefined ? undefined : { value: item as YamlNode };
  }
  return undefined;
}

export function createSourceMap(doc: Document, lineCounter: LineCounter, text: string): SourceMap {
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const startOf = (node: YamlNode | undefined): Position =>
    node?.range ? positionOf(node.range[0]) : { line: 1, column: 1 };

  const nodeAt = (pointer: string): unknown => {
    let node: unknown = doc.contents;
    for (const seg of parsePointer(pointer)) node = child(node, seg)?.value;
    return node;
  };

  const alignments = new Map<string, ((index: number) => number) | null>();
  const alignment = (pointer: string): ((index: number) => number) | null => {
    let a = alignments.get(pointer);
    if (a === undefined) {
      a = align(nodeAt(pointer));
      alignments.set(pointer, a);
    }
    return a;
  };

  return {
    positionOf,
    locateInValue(pointer, index) {
      const a = alignment(pointer);
      return a ? { pointer, exists: true, ...positionOf(a(index)) } : this.locate(pointer);
    },
    locateWithin(pointer, needle, occurrence = 0) {
      const node = nodeAt(pointer) as YamlNode | undefined;
      if (node?.range) {
        // In the source a text may be folded over lines and indented: let any run of white space
        // in the needle match any run of white space in the file.
        const words = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const re = new RegExp(words.join('\\s+'), 'g');
        const source = text.slice(node.range[0], node.range[1]);
        let m: RegExpExecArray | null;
        for (let n = 0; (m = re.exec(source)) !== null; n++) {
          if (n === occurrence) return { pointer, exists: true, ...positionOf(node.range[0] + m.index) };
        }
      }
      return this.locate(pointer);
    },
    /**
     * Resolve a pointer. For an absent member the position is where it belongs: before the next
     * present sibling in `siblingOrder` (the schema's order), else at the end of the parent.
     */
    locate(pointer, siblingOrder) {
      const segments = parsePointer(pointer);
      let node: unknown = doc.contents;
      let at: Position = startOf(doc.contents as YamlNode | undefined);
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i] as string;
        const found = child(node, seg);
        if (!found) {
          return { pointer, exists: false, ...placeFor(node, seg, siblingOrder, at) };
        }
        // A scalar is pointed at where its value starts; a section or list at its key.
        at = startOf(isScalar(found.value) || !found.keyNode ? found.value : found.keyNode);
        node = found.value;
      }
      return { pointer, exists: true, ...at };
    },
  };

  /**
   * Where each character of a string scalar's value stands in the source, as a function of its
   * index. A literal block (| or |-) keeps its lines: line k of the value is line k after the
   * header, less the block's indentation. A text on one line is the source itself (after a
   * quote). Anything else (folded, multi-line plain or quoted text) is aligned character by
   * character: every character that is not white space appears in the source in the same order,
   * so each is found by searching forward; white space maps to the next character's place.
   */
  function align(node: unknown): ((index: number) => number) | null {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return null;
    const value = node.value;
    const [start, end] = node.range;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const newline = text.indexOf('\n', start);
    if (node.type === 'BLOCK_LITERAL') return literalBlock(value, start, end);
    if (newline < 0 || newline >= end) {
      const from = start + (quoted ? 1 : 0);
      return (index) => Math.min(from + index, end);
    }
    let from = start;
    if (node.type === 'BLOCK_FOLDED') from = newline + 1;
    else if (quoted) from += 1;
    const out = new Int32Array(value.length + 1);
    let src = from;
    let pending = 0; // white space since the last character placed
    for (let i = 0; i < value.length; i++) {
      const ch = value.charCodeAt(i);
      if (ch === 32 || ch === 10 || ch === 9 || ch === 13) {
        pending++;
        continue;
      }
      let at = src;
      while (at < end && text.charCodeAt(at) !== ch) at++;
      if (at >= end) at = src; // not found (an escape the value spells differently): stay put
      for (let p = i - pending; p <= i; p++) out[p] = at;
      pending = 0;
      src = at + 1;
    }
    for (let p = value.length - pending; p <= value.length; p++) out[p] = Math.min(src, end);
    return (index) => out[Math.max(0, Math.min(index, value.length))] as number;
  }

  /** A literal block: value line k is source line k after the header, indented by the block's indentation. */
  function literalBlock(value: string, start: number, end: number): (index: number) => number {
    const header = text.slice(start, text.indexOf('\n', start));
    const first = start + header.length + 1;
    // The indentation: given in the header (|2-), else that of the first line that is not empty.
    const explicit = /^[|>][-+]?(\d)/.exec(header);
    let indent = 0;
    if (explicit) {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const before = text.slice(lineStart, start);
      indent = before.length - before.trimStart().length + Number(explicit[1]);
    } else {
      for (let p = first; p < end; ) {
        const eol = text.indexOf('\n', p);
        const line = text.slice(p, eol < 0 ? end : eol);
        if (line.trim() !== '') {
          indent = line.length - line.trimStart().length;
          break;
        }
        if (eol < 0) break;
        p = eol + 1;
      }
    }
    const valueLines = [0];
    for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) valueLines.push(i + 1);
    const sourceLines = [first];
    for (let k = 1, p = first; k < valueLines.length; k++) {
      p = text.indexOf('\n', p) + 1;
      sourceLines.push(p);
    }
    return (index) => {
      let lo = 0;
      let hi = valueLines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((valueLines[mid] as number) <= index) lo = mid;
        else hi = mid - 1;
      }
      return Math.min((sourceLines[lo] as number) + indent + index - (valueLines[lo] as number), end);
    };
  }

  function placeFor(parent: unknown, missing: string, order: readonly string[] | undefined, fallback: Position): Position {
    if (isMap(parent)) {
      if (order) {
        const idx = order.indexOf(missing);
        for (const next of idx >= 0 ? order.slice(idx + 1) : []) {
          const found = child(parent, next);
          if (found?.keyNode) return startOf(found.keyNode);
        }
      }
      const range = (parent as YamlNode).range;
      // A { } mapping may end on its own first line: it is pointed at where it opens.
      if (parent.flow) return startOf(parent as YamlNode);
      if (range) {
        // End of the parent mapping: the start of the line after its last content.
        const end = positionOf(Math.max(range[1] - 1, range[0]));
        return { line: end.line + 1, column: startOf(parent as YamlNode).column };
      }
    }
    return fallback;
  }
}

export { LineCounter, parseDocument };
