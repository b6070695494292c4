// A file → the document model, by the format its content shows (not its name). This module is
// small and part of the CLI's bundle; the readers and their libraries (marked, cheerio, mammoth,
// unpdf) are loaded only when a file of their format is read (scripts/bundle.mjs keeps them out of
// the bundle). Every problem becomes an InputError naming the file.
import { detectFormat } from '../document.js';
import type { DocumentFormat, SourceDocument } from '../document.js';
import { InputError } from '../errors.js';
import { decodeUtf8, LIMITS, readBytes } from '../load.js';
import { MAX_IMPORT_CHARS } from '../limits.js';

/** The format's name as the user knows it, for error messages. */
const FORMAT_NAMES: Record<DocumentFormat, string> = { pdf: 'PDF', docx: 'Word-dokument', html: 'HTML', markdown: 'Markdown', text: 'tekst' };

export async function readDocument(file: string): Promise<SourceDocument> {
  const bytes = readBytes(file, LIMITS.documentBytes);
  const format = detectFormat(bytes);
  if (format === null) throw new InputError(file, binaryAt(bytes), 'import.unknownFormat');
  // Text is decoded here, so a file that is not UTF-8 is reported with its line and column.
  const text = format === 'text' || format === 'markdown' || format === 'html' ? decodeUtf8(file, bytes) : '';
  if ((format === 'text' || format === 'markdown') && !text.trim()) throw new InputError(file, { line: 1, column: 1 }, 'input.empty');
  // A text beyond the import's limit is refused before any reader spends time on it.
  if (text.length > MAX_IMPORT_CHARS) throw new InputError(file, undefined, 'import.tooLarge', { limit: MAX_IMPORT_CHARS.toLocaleString('da-DK') });
  let doc: SourceDocument;
  try {
    if (format === 'html') doc = (await import('./html.js')).readHtml(text);
    else if (format === 'docx') doc = await (await import('./docx.js')).readDocx(bytes);
    else if (format === 'pdf') doc = await (await import('./pdf.js')).readPdf(bytes);
    else doc = (await import('./text.js')).readTextDocument(text);
  } catch (err) {
    throw new InputError(file, undefined, 'import.unreadableDocument', { format: FORMAT_NAMES[format], reason: err instanceof Error ? err.message : String(err) });
  }
  // Nothing to import: the file's start is where the text should have been.
  if (!doc.blocks.length) throw new InputError(file, { line: 1, column: 1 }, 'import.noText', { format: FORMAT_NAMES[format] });
  return doc;
}

/** Where a file that is not text shows it: its first NUL byte (line and column), if it has one. */
function binaryAt(bytes: Uint8Array): { line: number; column: number } | undefined {
  const at = bytes.indexOf(0);
  // A zip (or another container) has no lines to point at.
  if (at < 0 || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return undefined;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
