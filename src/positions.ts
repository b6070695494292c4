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
}

export interface SourceMap {
  locate(pointer: string, siblingOrder?: readonly string[]): Location;
  positionOf(offset: number): Position;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function child(node: unknown, key: string): { keyNode?: YamlNode; value?: YamlNode } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = pair.key;
      const name = isScalar(k) ? String(k.value) : String(k);
      if (name === key) return { keyNode: k as YamlNode, value: (pair.value ?? undefined) as YamlNode | undefined };
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = Number(key);
    const item = Number.isInteger(index) ? node.items[index] : undefined;
    return item === undefined ? undefined : { value: item as YamlNode };
  }
  return undefined;
}

export function createSourceMap(doc: Document, lineCounter: LineCounter): SourceMap {
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const startOf = (node: YamlNode | undefined): Position =>
    node?.range ? positionOf(node.range[0]) : { line: 1, column: 1 };

  return {
    positionOf,
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
