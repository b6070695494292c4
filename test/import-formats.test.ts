// Importing a standard as municipalities publish it: a PDF, a Word file, a saved web page, text as
// a PDF extractor gives it (Fjordby's du-language standard, made by scripts/make-import-fixtures.mjs)
// and Helsingør's extracted text (seeds/001). For each: the format is recognised from the content,
// the headings are found by their form (also those the import does not know by name), page chrome
// is gone, every word of the content reaches the draft, and the draft validates.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../src/document.js';
import { importDocument } from '../src/import.js';
import { readDocument } from '../src/readers/index.js';
import { headingByForm } from '../src/readers/text.js';
import { loadReferenceData } from '../src/reference-data.js';
// @ts-expect-error: a plain ES module script without type declarations; content() gives the parts.
import { CHROME_WORDS, PDF_HEADER, content } from '../scripts/make-import-fixtures.mjs';
import { cli, fixture, hasStackTrace, tempDir, yamlStrings } from './helpers.js';

const DATE = '2026-11-22';
const dir = fixture('import');
const references = loadReferenceData();

interface Part {
  kind: 'title' | 'h' | 'p' | 'table';
  text?: string;
  head?: string[];
  rows?: string[][];
}
const parts = content() as Part[];
const partText = (p: Part) => (p.kind === 'table' ? [...(p.head ?? []), ...(p.rows ?? []).flat()].join(' ') : (p.text ?? ''));
const HEADINGS = parts.filter((p) => p.kind === 'h').map((p) => p.text as string);

/** Words, lower-cased, with how often each occurs. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

const values = yamlStrings;

/** Source words missing from the draft (counting repeats). */
function missingWords(source: string, draft: string): string[] {
  const have = wordCounts(values(draft));
  return [...wordCounts(source)].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w, n]) => `${w} ×${n - (have.get(w) ?? 0)}`);
}

const stripNumber = (h: string) => h.replace(/^\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '');
const headingsOf = (doc: SourceDocument) => doc.blocks.filter((b) => b.kind === 'heading').map((b) => stripNumber(b.text));

/** Each fixture: its expected format, and the text whose every word must reach the draft. */
const FIXTURES: { file: string; format: SourceDocument['format']; words: () => string }[] = [
  { file: 'helsingoer-001.txt', format: 'text', words: () => readFileSync(join(dir, 'helsingoer-001.txt'), 'utf8') },
  { file: 'fjordby.txt', format: 'text', words: () => readFileSync(join(dir, 'fjordby.txt'), 'utf8') },
  { file: 'fjordby.md', format: 'markdown', words: () => parts.map(partText).join('\n') },
  { file: 'fjordby.html', format: 'html', words: () => parts.map(partText).join('\n') },
  { file: 'fjordby.docx', format: 'docx', words: () => parts.map(partText).join('\n') },
  { file: 'fjordby.pdf', format: 'pdf', words: () => parts.map(partText).join('\n') },
];

describe.each(FIXTURES)('importing $file', ({ file, format, words }) => {
  const path = join(dir, file);
  let doc: SourceDocument;
  let yaml = '';
  const read = async () => {
    if (!yaml) {
      const start = performance.now();
      doc = await readDocument(path);
      yaml = importDocument(doc, { source: file, date: DATE, references }).yaml;
      // Reported, not asserted: how long reading and importing takes, in process.
      console.log(`import ${file}: ${(performance.now() - start).toFixed(0)} ms`);
    }
    return { doc, yaml };
  };

  it('recognises the format from the content', async () => {
    expect((await read()).doc.format).toBe(format);
  });

  it('keeps every word of the content', async () => {
    const { yaml } = await read();
    expect(missingWords(words(), yaml)).toEqual([]);
  });

  it('is imported by the built command into a draft that validates', () => {
    const draft = join(tempDir(), 'udkast.yaml');
    const imported = cli(['import', path, '-o', draft]);
    expect(imported.code, imported.stderr).toBe(0);
    const run = cli(['validate', draft]);
    expect(run.stdout + run.stderr).toContain('formatet er gyldigt');
    expect(run.code).toBe(0);
  });
});

describe.each(FIXTURES.filter((f) => f.file.startsWith('fjordby')))('the headings of $file', ({ file }) => {
  it('are all found by their form, and each unknown one stands as its own section', async () => {
    const doc = await readDocument(join(dir, file));
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Hjælp til dig, der bruger stoffer' });
    expect(headingsOf(doc)).toEqual(expect.arrayContaining(HEADINGS));
    const data = parse(importDocument(doc, { source: file, date: DATE, references }).yaml);
    const others = (data.øvrige_afsnit as { overskrift: string; tekst: string }[]).map((s) => ({ ...s, overskrift: stripNumber(s.overskrift) }));
    // Every heading heads a section of its own, placed or not (the text of a second heading for
    // the same section stays in that section's text, where it stood); none is glued on.
    expect(data.gavekort.overskrift).toMatch(/Gavekort$/);
    const sectionHeadings = Object.values(data as Record<string, { overskrift?: string; tekst?: string }>).flatMap((v) => (v && typeof v === 'object' && 'overskrift' in v ? [stripNumber(v.overskrift ?? '')] : []));
    const texts = Object.values(data as Record<string, { tekst?: string }>).map((v) => (v && typeof v === 'object' ? (v.tekst ?? '') : '')).join('\n');
    for (const h of HEADINGS) expect([...sectionHeadings, ...others.map((s) => s.overskrift)].includes(h) || texts.split('\n').some((l) => stripNumber(l) === h), h).toBe(true);
    const relapse = others.find((s) => s.overskrift === 'Hvis det går tilbage for dig');
    expect(relapse?.tekst).toMatch(/^Vi taler med dig om, hvad der kan få dig til at tage stoffer igen/);
    expect(relapse?.tekst).not.toContain('Når du slutter');
  });
});

describe('page chrome', () => {
  it('of the saved web page (navigation, cookie banner, breadcrumbs, search, footer, scripts) is gone', async () => {
    const html = readFileSync(join(dir, 'fjordby.html'), 'utf8');
    for (const w of CHROME_WORDS as string[]) if (w !== 'Sidehoved') expect(html).toContain(w);
    const doc = await readDocument(join(dir, 'fjordby.html'));
    const text = doc.blocks.map((b) => b.text).join('\n');
    for (const w of [...(CHROME_WORDS as string[]), 'Accepter alle', 'Gå til indhold', 'Brødkrumme', 'Søg', 'dataLayer', 'Se også']) expect(text).not.toContain(w);
    expect(doc.blocks.at(-1)?.text).toMatch(/^Din behandler fra Rusmiddelcentret kontakter dig/);
  });

  it('keeps the source line of each block of a web page', async () => {
    const doc = await readDocument(join(dir, 'fjordby.html'));
    const html = readFileSync(join(dir, 'fjordby.html'), 'utf8').split('\n');
    const heading = doc.blocks.find((b) => b.text === 'Hvis du vil klage');
    expect(html[(heading?.source.line ?? 0) - 1]).toContain('<h2>Hvis du vil klage</h2>');
  });

  it('of a PDF (running header, "Side x af y" footer) is gone, and each block keeps its page', async () => {
    const doc = await readDocument(join(dir, 'fjordby.pdf'));
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toContain('Sidehoved');
    expect(text).not.toContain(PDF_HEADER as string);
    expect(text).not.toMatch(/Side \d+ af \d+/);
    expect(doc.blocks.every((b) => typeof b.source.page === 'number')).toBe(true);
    const pages = doc.blocks.map((b) => b.source.page as number);
    expect(Math.max(...pages)).toBeGreaterThan(2);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(doc.blocks.find((b) => b.text === 'Når du er færdig')).toMatchObject({ kind: 'heading', source: { page: Math.max(...pages) } });
  });

  it('of a PDF: lines broken by the layout are joined into their paragraph', async () => {
    const doc = await readDocument(join(dir, 'fjordby.pdf'));
    const intro = parts.find((p) => p.text?.startsWith('Vedtaget af'))?.text;
    expect(doc.blocks.map((b) => b.text)).toContain(intro);
  });

  it('of a Word file: tables are read as rows', async () => {
    const doc = await readDocument(join(dir, 'fjordby.docx'));
    expect(doc.blocks.filter((b) => b.kind === 'row').map((b) => b.text.split(' | ')[0])).toEqual(['Tilbud', ...parts.flatMap((p) => (p.rows ?? []).map((r) => r[0] as string))]);
  });
});

describe('headings by form in plain text', () => {
  it('finds numbered headings, questions and short lines after a finished sentence', () => {
    expect(headingByForm('3.2 Visitation', 'Det var det.', 'Borgeren henvender sig.')).toEqual({ text: '3.2 Visitation', level: 3 });
    expect(headingByForm('Hvad kan du forvente af os?', null, 'Vi svarer.')).toEqual({ text: 'Hvad kan du forvente af os?', level: 2 });
    expect(headingByForm('Til dig, der er pårørende', 'hjælp til dig.', 'Er du pårørende, kan du få hjælp.')).toEqual({ text: 'Til dig, der er pårørende', level: 2 });
  });

  it('does not take a line broken by the layout for a heading', () => {
    // The sentence before is not finished: this is its continuation.
    expect(headingByForm('Fjordby Brugerråd for', 'Standarden kan læses på hjemmesiden, og', 'Rusmiddelområdet har været med.')).toBeNull();
    // Followed by a lower-case continuation: the start of a sentence, not a heading.
    expect(headingByForm('Behandlingen er gratis for', 'Det var det.', 'alle borgere i kommunen.')).toBeNull();
    expect(headingByForm('14 dage efter henvendelsen begynder behandlingen.', 'Det var det.', 'Vi ringer.')).toBeNull();
  });

  it('keeps an unknown heading as its own section, not glued onto the section before', () => {
    const text = ['Klageadgang', '', 'Du kan klage inden fire uger.', '', 'Til dig, der er pårørende', '', 'Er du pårørende, kan du få tre samtaler.'].join('\n');
    const data = parse(importTextDraft(text));
    expect(data.klageadgang.tekst).toBe('Du kan klage inden fire uger.');
    expect(data.øvrige_afsnit).toEqual([{ overskrift: 'Til dig, der er pårørende', tekst: 'Er du pårørende, kan du få tre samtaler.' }]);
  });
});

function importTextDraft(text: string): string {
  const file = join(tempDir(), 'standard.txt');
  writeFileSync(file, text);
  const out = join(tempDir(), 'udkast.yaml');
  const run = cli(['import', file, '-o', out]);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('the format is told by the content, and a bad file is an error in Danish', () => {
  it('reads a web page and a Word file saved under the wrong name', async () => {
    const d = tempDir();
    copyFileSync(join(dir, 'fjordby.html'), join(d, 'side.txt'));
    copyFileSync(join(dir, 'fjordby.docx'), join(d, 'standard.pdf'));
    expect((await readDocument(join(d, 'side.txt'))).format).toBe('html');
    expect((await readDocument(join(d, 'standard.pdf'))).format).toBe('docx');
  });

  it.each([
    ['beskadiget.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('word/document.xml'), Buffer.alloc(64)]), /beskadiget\.docx: filen kan ikke læses som Word-dokument/],
    ['beskadiget.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), /beskadiget\.pdf: filen kan ikke læses som PDF/],
    ['billede.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /billede\.png:3:1: filen kan ikke importeres: den er hverken PDF, Word/], // pointed at its first NUL byte
    ['arkiv.zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('data/other.xml'), Buffer.alloc(64)]), /arkiv\.zip: filen kan ikke importeres/],
  ])('%s gives exit code 2 and names the file', (name, bytes, message) => {
    const file = join(tempDir(), name);
    writeFileSync(file, bytes);
    const run = cli(['import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
