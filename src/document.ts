// The document model every reader produces: a published standard (PDF, Word, a web page, Markdown or
// plain text) as an ordered list of blocks, each with where it came from. The import works on this
// model only, so every format is placed and checked the same way.

/** The formats the readers understand, recognised from the file's content. */
export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row';

/** Where a block stands in the source: a line (text, Markdown, HTML) and/or a page (PDF). */
export interface BlockSource {
  line?: number;
  page?: number;
}

export interface Block {
  kind: BlockKind;
  /** Headings only: 1 is the top level. */
  level?: number;
  /** Whitespace-normalised text; a table row's cells are joined with " | ". */
  text: string;
  source: BlockSource;
}

export interface SourceDocument {
  format: DocumentFormat;
  blocks: Block[];
}

/** Collapse runs of whitespace (including non-breaking spaces) and trim. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00A0\u00AD]+/gu, ' ').trim();
}

/** A block with its text normalised; an empty text gives no block. */
export function block(kind: BlockKind, text: string, source: BlockSource, level?: number): Block | null {
  const clean = normalizeSpace(text);
  if (!clean) return null;
  return level === undefined ? { kind, text: clean, source } : { kind, level, text: clean, source };
}

/** Table cells as one row block's text. */
export const joinCells = (cells: readonly string[]): string => cells.map(normalizeSpace).filter(Boolean).join(' | ');

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The format from the first bytes: "%PDF", a zip holding word/document.xml, an HTML start tag, a
 * Markdown heading; anything else that is text is plain text. `null` for binary content no reader
 * understands (another zip, an image, an old .doc).
 */
export function detectFormat(bytes: Uint8Array): DocumentFormat | null {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (starts(ZIP)) return zipHasWordDocument(bytes) ? 'docx' : null;
  // Binary content (NUL bytes) is not text, whatever its name.
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return null;
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/iu.test(text) || /^<(?:head|body|meta)[\s>]/iu.test(text)) return 'html';
  return 'text';
}

/** A zip's central directory names every file; a Word document has word/document.xml. */
function zipHasWordDocument(bytes: Uint8Array): boolean {
  const name = new TextEncoder().encode('word/document.xml');
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

/** All of a document's text, one block a line (for finding the municipality's name and for checks). */
export function textOf(doc: SourceDocument): string {
  return doc.blocks.map((b) => b.text).join('\n');
}
