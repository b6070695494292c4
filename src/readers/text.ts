// Markdown and plain text (copied from a web page, or extracted from a PDF by another tool) → the
// document model. Markdown keeps its own structure; in plain text a heading is found by its usual
// name (even when the text runs on after it on the same line) or by its form: a numbered line
// ("3.2 Visitation"), a question, or a short line without final punctuation that follows a finished
// sentence and is followed by the start of a new one.
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { block, joinCells, normalizeSpace } from '../document.js';
import type { Block, SourceDocument } from '../document.js';
import { headingAt } from '../headings.js';

/** Markdown if any line is an ATX heading ("# …"); otherwise plain text. */
export function readTextDocument(text: string): SourceDocument {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return /^#{1,6}\s/m.test(clean) ? { format: 'markdown', blocks: markdownBlocks(clean) } : { format: 'text', blocks: plainBlocks(clean) };
}

function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const add = (b: Block | null) => {
    if (b) blocks.push(b);
  };
  const visit = (tok: Token, line: number) => {
    const source = { line };
    switch (tok.type) {
      case 'space':
      case 'hr':
        return;
      case 'heading':
        add(block('heading', (tok as Tokens.Heading).text, source, (tok as Tokens.Heading).depth));
        return;
      case 'list':
        for (const item of (tok as Tokens.List).items) add(block('item', item.text, source));
        return;
      case 'table': {
        const table = tok as Tokens.Table;
        add(block('row', joinCells(table.header.map((c) => c.text)), source));
        for (const row of table.rows) add(block('row', joinCells(row.map((c) => c.text)), source));
        return;
      }
      case 'blockquote':
        for (const inner of (tok as Tokens.Blockquote).tokens) visit(inner, line);
        return;
      default:
        // Text where the token has it; else what was written (a link definition, say): no word is lost.
        add(block('paragraph', 'text' in tok && typeof tok.text === 'string' ? tok.text : tok.raw, source));
    }
  };
  let line = 1;
  for (const tok of blockTokens(text)) {
    // Leading blank lines belong to the token's raw text; its content starts after them.
    const lead = /^\n*/.exec(tok.raw)?.[0].length ?? 0;
    visit(tok, line + lead);
    line += (tok.raw.match(/\n/g) ?? []).length;
  }
  return blocks;
}

/** Deeper nesting (list markers, > and indentation on one line) makes a block plain text. */
const MAX_NESTING = 12;

/** How deeply a line nests containers: list markers and > at its start, and its indentation. */
function nesting(line: string): number {
  const m = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*/.exec(line) as RegExpExecArray;
  const markers = (m[0].match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
  const indent = /^[ \t]*/.exec(line.slice(m[0].length))?.[0].length ?? 0;
  return markers + Math.floor((m[0].length + indent) / 2);
}

/**
 * Markdown → block tokens, in time linear in the text. Only block structure is read (each block's
 * text is kept as written), so marked's inline lexer never runs. marked nests one call per level of
 * list or quote, so a block nested deeper than MAX_NESTING (a line of "* * * …", a list indented a
 * thousand levels) would cost time and stack out of all proportion: such a block is kept as a plain
 * paragraph, line by line, and the blocks around it are read as usual.
 */
function blockTokens(markdown: string): Token[] {
  const tokens: Token[] = [];
  let pending: string[] = [];
  const lex = () => {
    if (pending.length) tokens.push(...new Lexer().blockTokens(pending.join('\n'), []));
    pending = [];
  };
  for (const part of markdown.split(/\n(?=[ \t]*\n)/)) {
    const lines = part.split('\n');
    if (lines.some((l) => nesting(l) > MAX_NESTING)) {
      lex();
      const text = lines.map((l) => l.trim()).filter(Boolean).join('\n');
      tokens.push({ type: 'paragraph', raw: `${part}\n`, text, tokens: [] });
    } else {
      pending.push(part);
    }
  }
  lex();
  return tokens;
}

/** A bullet (kept or lost in extraction) or an indent starts a list item. */
const BULLET = /^\s*[•¶ü\uF0B7\u2022-]\s*|^\s+/u;
const BULLET_CHAR = /^\s*[•¶ü\uF0B7\u2022-]/u;
/** A sentence is finished: the next line may start something new. */
const ENDS_SENTENCE = /[.!?:;)"”]$/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}.*)$/u;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The heading a line is by its form, with its level, or null. `previous` is the last text line
 * before it (or null at the start or after a heading); `next` the next non-empty line.
 */
export function headingByForm(line: string, previous: string | null, next: string): { text: string; level: number } | null {
  const text = normalizeSpace(line);
  if (!text || /^\s/.test(line) || BULLET_CHAR.test(line)) return null;
  const afterBreak = previous === null || ENDS_SENTENCE.test(previous.trim());
  if (!afterBreak) return null;
  const nextStarts = next.trim() === '' || /^\s*[\p{Lu}\d•\uF0B7\u2022-]/u.test(next) || /^\s/.test(next);
  const numbered = NUMBERED.exec(text);
  if (numbered && words(numbered[2] as string) <= 10 && !/[.,;:]$/.test(text) && nextStarts) {
    return { text, level: (numbered[1] as string).split('.').length + 1 };
  }
  if (!/^\p{Lu}/u.test(text)) return null;
  if (text.endsWith('?') && words(text) <= 14) return { text, level: 2 };
  if (words(text) <= 8 && text.length <= 60 && !/[.,;:!…–-]$/u.test(text) && next.trim() !== '' && nextStarts) return { text, level: 2 };
  return null;
}

/**
 * Plain text → blocks. Known headings (possibly broken over two lines, possibly followed by text on
 * the same line) and headings by form become heading blocks; a line that starts with a bullet or an
 * indent (a PDF's lost bullet) starts a list item, which runs on until the next item or heading;
 * other lines run on into one paragraph.
 */
function plainBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let current: { kind: 'item' | 'paragraph'; parts: string[]; line: number } | null = null;
  let previous: string | null = null;
  const flush = () => {
    const b = current && block(current.kind, current.parts.join(' '), { line: current.line });
    if (b) blocks.push(b);
    current = null;
  };
  // The next non-blank line after each line, found in one backward pass (linear, not per line).
  const following: number[] = new Array<number>(lines.length).fill(-1);
  for (let j = lines.length - 2, seen = -1; j >= 0; j--) {
    if ((lines[j + 1] as string).trim() !== '') seen = j + 1;
    following[j] = seen;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.trim()) continue;
    const nextIndex = following[i] ?? -1;
    const next = nextIndex > 0 ? (lines[nextIndex] as string) : '';
    // A known heading can be broken over two lines ("Levering af" / "ydelsen").
    const one = headingAt(line);
    const two = headingAt(`${line.trim()} ${next.trim()}`);
    const spans = two !== null && two[0].length > line.trim().length && (one === null || two[0].length > one[0].length);
    const known = spans ? two : one;
    if (known && !BULLET_CHAR.test(line)) {
      flush();
      blocks.push({ kind: 'heading', level: 2, text: known[0], source: { line: i + 1 } });
      if (spans) i = nextIndex;
      previous = null;
      if (known[2]) {
        current = { kind: 'paragraph', parts: [known[2]], line: i + 1 };
        previous = known[2];
      }
      continue;
    }
    if (BULLET.test(line)) {
      flush();
      current = { kind: 'item', parts: [line.replace(BULLET, '').trim()], line: i + 1 };
      previous = line;
      continue;
    }
    const form = headingByForm(line, previous, next);
    if (form) {
      flush();
      // A heading before anything else is the document's title.
      blocks.push({ kind: 'heading', level: blocks.length === 0 ? 1 : form.level, text: form.text, source: { line: i + 1 } });
      previous = null;
      continue;
    }
    current ??= { kind: 'paragraph', parts: [], line: i + 1 };
    current.parts.push(line.trim());
    previous = line;
  }
  flush();
  return blocks;
}
