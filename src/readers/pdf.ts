// A PDF → the document model, with unpdf (Mozilla's pdf.js, packaged without native parts). pdf.js
// gives positioned runs of text; this reader rebuilds lines and paragraphs from their positions:
// - runs on one baseline form a line; a gap wider than the type size between runs is a table
//   column (" | "),
// - a line in larger type than the body, or short and in another face than the page's body text
//   (bold, as a heading is set), is a heading; its level follows the type size,
// - lines close below each other run on into one paragraph, also across a page break,
// - a line that repeats at the top or bottom of most pages (a running header or footer, digits
//   ignored) and a lone page number ("3", "Side 3 af 12") are dropped,
// - each block keeps its page number.
import { getDocumentProxy } from 'unpdf';
import { block, normalizeSpace } from '../document.js';
import type { Block, SourceDocument } from '../document.js';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

interface Line {
  page: number;
  text: string;
  x: number;
  y: number;
  size: number;
  /** The face most of the line is set in (pdf.js names faces per page). */
  font: string;
  /** Set in another face than the page's body text at body size. */
  otherFace: boolean;
  columns: boolean;
}

/** The top and bottom bands of a page (share of its height) where headers and footers stand. */
const BAND = 0.1;
const PAGE_NUMBER = /^(?:side\s*)?\d{1,4}(?:\s*(?:af|\/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/iu;
const BULLET = /^[•◦▪‣●○■\uF0B7\u2022–-]\s+/u;
const HEADING_WORDS = 14;

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  // pdf.js takes over the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: { lines: Line[]; height: number }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      // Spaces between runs are told by the runs' positions (pdf.js also gives a column gap as a space).
      if (!('str' in item) || !item.str.trim()) continue;
      const [a, b, , d, x, y] = item.transform as number[];
      runs.push({ str: item.str, x: x as number, y: y as number, width: item.width, size: Math.round(Math.hypot(a as number, b as number) || (d as number) || item.height), font: item.fontName });
    }
    pages.push({ lines: linesOf(runs, n), height });
  }
  await pdf.destroy();
  const kept = dropRunningLines(pages);
  return { format: 'pdf', blocks: blocksOf(kept) };
}

/** Runs → lines: the same baseline (within a third of the type size), left to right. */
function linesOf(runs: Run[], page: number): Line[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const last = groups.at(-1);
    const head = last?.[0];
    if (last && head && Math.abs(head.y - run.y) < Math.max(head.size, run.size) / 3) last.push(run);
    else groups.push([run]);
  }
  const lines = groups.map((group) => {
    group.sort((p, q) => p.x - q.x);
    let text = '';
    let columns = false;
    let end: number | null = null;
    for (const run of group) {
      if (end !== null) {
        const gap = run.x - end;
        if (gap > run.size) {
          text += ' | ';
          columns = true;
        } else if (gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
      }
      text += run.str;
      end = run.x + run.width;
    }
    const chars = new Map<string, number>();
    for (const r of group) chars.set(`${r.font} ${r.size}`, (chars.get(`${r.font} ${r.size}`) ?? 0) + r.str.length);
    const [style] = [...chars.entries()].sort((p, q) => q[1] - p[1])[0] as [string, number];
    const [font, size] = style.split(' ') as [string, string];
    const first = group[0] as Run;
    return { page, text: normalizeSpace(text), x: first.x, y: first.y, size: Number(size), font, otherFace: false, columns };
  });
  return lines.filter((l) => l.text !== '');
}

/** Running headers and footers (repeated in the page's top or bottom band) and page numbers go. */
function dropRunningLines(pages: { lines: Line[]; height: number }[]): Line[] {
  const inBand = (l: Line, height: number) => l.y > height * (1 - BAND) || l.y < height * BAND;
  const shape = (text: string) => text.replace(/\d+/g, '#').toLowerCase();
  const seen = new Map<string, number>();
  for (const { lines, height } of pages) {
    for (const s of new Set(lines.filter((l) => inBand(l, height)).map((l) => shape(l.text)))) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  const repeated = (text: string) => pages.length > 1 && (seen.get(shape(text)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.flatMap(({ lines, height }) => lines.filter((l) => !(inBand(l, height) && (repeated(l.text) || PAGE_NUMBER.test(l.text)))));
}

function blocksOf(lines: Line[]): Block[] {
  // The body text's size is the one most characters are set in; its face is found per page.
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
  const body = [...bySize.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
  const bodyFace = new Map<number, string>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const faces = new Map<string, number>();
    for (const l of lines) if (l.page === page && l.size === body) faces.set(l.font, (faces.get(l.font) ?? 0) + l.text.length);
    const face = [...faces.entries()].sort((p, q) => q[1] - p[1])[0]?.[0];
    if (face) bodyFace.set(page, face);
  }
  for (const l of lines) l.otherFace = l.size === body && bodyFace.get(l.page) !== l.font;
  // Larger sizes, largest first: their rank is the heading level.
  const larger = [...bySize.keys()].filter((s) => s >= body * 1.15).sort((p, q) => q - p);
  const levelOf = (l: Line): number | null => {
    if (l.columns || l.text.split(' ').length > HEADING_WORDS * 2) return null;
    if (larger.includes(l.size)) return larger.indexOf(l.size) + 1;
    if (l.otherFace && l.text.split(' ').length <= HEADING_WORDS && !/[.,;:]$/.test(l.text) && !BULLET.test(l.text)) return larger.length + 1;
    return null;
  };

  const blocks: Block[] = [];
  let current: { kind: Block['kind']; level?: number; parts: string[]; last: Line; first: Line } | null = null;
  const flush = () => {
    if (current) {
      const b = block(current.kind, current.parts.join(' '), { page: current.first.page }, current.level);
      if (b) blocks.push(b);
    }
    current = null;
  };
  for (const line of lines) {
    const level = levelOf(line);
    const kind: Block['kind'] = level !== null ? 'heading' : line.columns ? 'row' : BULLET.test(line.text) ? 'item' : 'paragraph';
    const text = kind === 'item' ? line.text.replace(BULLET, '') : line.text;
    const prev: { kind: Block['kind']; level?: number; parts: string[]; last: Line; first: Line } | null = current;
    if (prev && continues(prev, kind, level, line)) {
      prev.parts.push(text);
      prev.last = line;
      continue;
    }
    flush();
    current = level === null ? { kind, parts: [text], last: line, first: line } : { kind, level, parts: [text], last: line, first: line };
  }
  flush();
  return blocks;
}

/** Whether a line runs on in the block before it: same kind and style, close below it. */
function continues(prev: { kind: Block['kind']; level?: number; last: Line }, kind: Block['kind'], level: number | null, line: Line): boolean {
  // Each line of a table is a row of its own; each bullet starts an item.
  if (kind === 'row' || prev.kind === 'row' || kind === 'item') return false;
  if (prev.kind === 'heading' || kind === 'heading') return prev.kind === kind && prev.level === (level ?? undefined) && line.page === prev.last.page && prev.last.y - line.y <= line.size * 1.8;
  // A paragraph or an item's text goes on over a page break when its sentence is not finished.
  if (line.page !== prev.last.page) return line.page === prev.last.page + 1 && !/[.!?:]$/.test(prev.last.text);
  return prev.last.y - line.y <= line.size * 1.8 && Math.abs(prev.last.size - line.size) < 1;
}
