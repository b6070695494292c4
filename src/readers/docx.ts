// A Word document (.docx) → the document model: mammoth turns Word's heading styles into h1–h6 and
// keeps bold, lists and tables; the HTML reader does the rest (a short all-bold paragraph is a
// heading there too). Word files have no line numbers to point at.
import mammoth from 'mammoth';
import type { SourceDocument } from '../document.js';
import { readHtml } from './html.js';

export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"] });
  return readHtml(`<body>${value}</body>`, { format: 'docx', lines: false });
}
