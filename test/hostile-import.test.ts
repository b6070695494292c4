// Import must hold up under any Markdown-ish text: every word of the input is somewhere in the draft,
// every draft validates, and pathological blocks (deep nesting, long runs of * or >) neither crash
// the Markdown lexer nor take time out of proportion to their size.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { importStandard, MAX_IMPORT_CHARS } from '../src/import.js';
import { parseStandard } from '../src/standard.js';
import { cli, hasStackTrace, root, tempDir, yamlStrings } from './helpers.js';

const OPTIONS = { source: 'side.md', date: '2026-11-22' };

const corpus = yamlStrings;

// ---- Generated documents: blocks of many kinds, each carrying marker words ----

/** A marker word: fixed width, so no marker is part of another. */
const marker = fc.integer({ min: 0, max: 99_999 }).map((n) => `mrk${String(n).padStart(5, '0')}`);
const filler = fc.constantFrom('og', 'borgeren', 'behandling', 'på', 'Kommune', 'stk.', '§ 101', '14 dage', '–', '"citat"', 'ÆØÅ', 'a*b', '_x_', 'kl. 9.');
const words = fc.array(fc.oneof(marker, filler), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
/** Inline Markdown around a word: emphasis, code, links, images, autolinks, raw HTML. */
const inline = fc.oneof(
  words,
  fc.tuple(marker, fc.constantFrom('*', '**', '_', '__', '`', '~~')).map(([m, d]) => `${d}${m}${d}`),
  fc.tuple(marker, marker).map(([a, b]) => `[${a}](https://eksempel.dk/${b})`),
  fc.tuple(marker, marker).map(([a, b]) => `![${a}](billede-${b}.png)`),
  marker.map((m) => `<https://eksempel.dk/${m}>`),
  marker.map((m) => `<span class="x">${m}</span>`),
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((p) => p.join(' '));

const KNOWN = ['Formål', 'Målgruppe', 'Behandlingsgaranti', 'Frit valg', 'Tilbud', 'Lovgrundlag', 'Monitorering', 'Opfølgning', 'Klageadgang', 'Varighed'];
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constantFrom(...KNOWN), line, fc.constant(''))).map(([d, h]) => `${'#'.repeat(d)} ${h}`.trimEnd());
const setext = fc.tuple(line, fc.constantFrom('===', '---')).map(([h, u]) => `${h}\n${u}`);
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
const listItem = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), line).map(([b, l]) => b + l);
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), listItem), { minLength: 1, maxLength: 5 })
  .map((items) => items.map(([depth, item]) => '  '.repeat(depth) + item).join('\n'));
const cell = fc.oneof(marker, words, fc.constant(''));
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .chain(([cols, rows]) => fc.tuple(fc.array(cell, { minLength: cols, maxLength: cols }), fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })))
  .map(([head, rows]) => [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
const code = fc.tuple(fc.constantFrom('```', '~~~', '```yaml'), paragraph).map(([f, body]) => `${f}\n${body}\n${f.slice(0, 3)}`);
const indented = paragraph.map((p) => p.split('\n').map((l) => `    ${l}`).join('\n'));
const quote = fc.tuple(fc.integer({ min: 1, max: 3 }), paragraph).map(([d, p]) => p.split('\n').map((l) => `${'> '.repeat(d)}${l}`).join('\n'));
const html = fc.oneof(
  line.map((l) => `<div>\n${l}\n</div>`),
  marker.map((m) => `<!-- ${m} -->`),
  line.map((l) => `<table><tr><td>${l}</td></tr></table>`),
);
const definition = fc.tuple(marker, marker).map(([a, b]) => `[${a}]: https://eksempel.dk/${b} "Titel"`);
const rule = fc.constantFrom('---', '***', '___');
const block = fc.oneof(heading, setext, paragraph, list, table, code, indented, quote, html, definition, rule);
/** Blocks separated by blank lines (mostly) or a bare line break. */
const document = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom('\n\n', '\n\n', '\n'), { minLength: 12, maxLength: 12 }))
  .map(([blocks, seps]) => blocks.map((b, i) => (i === 0 ? b : `${seps[i - 1]}${b}`)).join(''));

const markersIn = (text: string) => text.match(/mrk\d{5}/g) ?? [];

describe('import of generated Markdown-ish documents', () => {
  it('keeps every word, and every draft validates', () => {
    fc.assert(
      fc.property(document, (text) => {
        const yaml = importStandard(text, OPTIONS).yaml;
        const all = corpus(yaml);
        for (const m of markersIn(text)) expect(all, m).toContain(m);
        expect(() => parseStandard('udkast.yaml', yaml)).not.toThrow();
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('keeps a table, each row as a paragraph of its cells', () => {
    const md = ['# Tilbud i Lilleby Kommune', '', '## Åbningstider', '', '| Dag | Tid |', '| --- | --- |', '| Mandag | 9–15 |', '| Tirsdag | 12–18 |'].join('\n');
    const data = parse(importStandard(md, OPTIONS).yaml) as { øvrige_afsnit: { overskrift: string; tekst: string }[] };
    expect(data.øvrige_afsnit[0]?.tekst.split('\n').filter(Boolean)).toEqual(['Dag | Tid', 'Mandag | 9–15', 'Tirsdag | 12–18']);
  });

  it('gives a lone # heading a title the draft can keep', () => {
    const yaml = importStandard('#', OPTIONS).yaml;
    expect(() => parseStandard('udkast.yaml', yaml)).not.toThrow();
    expect((parse(yaml) as { titel: string }).titel.length).toBeGreaterThan(0);
  });
});

describe('import of pathological blocks', () => {
  /** Deep or long constructions, each ending in a marker word that must survive. */
  const hostile = fc.tuple(
    fc.constantFrom(
      (n: number) => `${'* '.repeat(n)}`,
      (n: number) => `${'> '.repeat(n)}`,
      (n: number) => `${'> - '.repeat(n)}`,
      (n: number) => `${'1. '.repeat(n)}`,
      // Indentation grows with the square of the depth: kept under the size limit.
      (n: number) => Array.from({ length: n % 700 }, (_, i) => `${'  '.repeat(i)}- punkt`).join('\n') + '\n' + '  '.repeat(n % 700),
      (n: number) => '*'.repeat(n * 2) + ' ',
      (n: number) => '**'.repeat(n) + 'a' + '*'.repeat(n) + ' ',
      (n: number) => '['.repeat(n) + ' ',
      (n: number) => '<div>'.repeat(n) + ' ',
    ),
    fc.integer({ min: 1, max: 3000 }),
    marker,
    fc.boolean(),
  );

  it('neither crash nor lose the words around them', () => {
    fc.assert(
      fc.property(hostile, ([make, n, m, withHeading]) => {
        const text = `${withHeading ? '# Standard\n\n## Formål\n\n' : ''}Før mrk00001.\n\n${make(n)}${m}\n\nEfter mrk00002.`;
        const yaml = importStandard(text, OPTIONS).yaml;
        const all = corpus(yaml);
        for (const w of [m, 'mrk00001', 'mrk00002']) expect(all, w).toContain(w);
        expect(() => parseStandard('udkast.yaml', yaml)).not.toThrow();
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it('a 5 KB line of * and a 1,000-deep list import promptly from the command line', () => {
    const dir = tempDir();
    const cases = {
      'stjerner.md': `# Standard\n\n${'* '.repeat(2500)}slut`,
      'liste.md': `# Standard\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- punkt ${i}`).join('\n')}`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const out = join(dir, `${name}.yaml`);
      // Before the guard these crashed ("Maximum call stack size exceeded") or ran for ~30 s.
      const r = spawnSync(process.execPath, [join(root, 'bin', 'kvalitetstjek.cjs'), 'import', file, '-o', out], { encoding: 'utf8', timeout: 20_000 });
      expect(r.signal, name).toBeNull();
      expect(r.status, r.stderr).toBe(0);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(corpus(readFileSync(out, 'utf8'))).toContain(name === 'liste.md' ? 'punkt 999' : 'slut');
    }
  });

  it('refuses, in Danish, a text beyond the stated size limit', () => {
    const text = `# Standard\n\n${'ord '.repeat(MAX_IMPORT_CHARS / 4 + 1)}`;
    let error: unknown;
    try {
      importStandard(text, OPTIONS);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/for stor/);
    // From the command line: an input error (exit 2), not "uventet fejl" from a second copy of the class.
    const file = join(tempDir(), 'stor.md');
    writeFileSync(file, text);
    const run = cli(['import', file]);
    expect(run.code).toBe(2);
    // Named as the user gave it, before any reader has spent time on the text.
    expect(run.stderr.startsWith(`${file}: teksten er for stor til import`)).toBe(true);
    expect(run.stderr).not.toMatch(/uventet/);
  });
});

describe('what the long fuzz run found', () => {
  it('a file with nothing to import is an error at its first line', () => {
    const file = join(tempDir(), 'tom.md');
    writeFileSync(file, '#\n');
    const run = cli(['import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: `));
  });

  it('a file refused as binary is pointed at its first NUL byte', () => {
    const file = join(tempDir(), 'nul.txt');
    writeFileSync(file, 'Første linje\nAnden\u0000 linje\n');
    const run = cli(['import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2:6: `);
  });

  it('the draft carries no raw C1 or bidi character: escaped in strings, shown in comments', () => {
    const dir = tempDir();
    const file = join(dir, 'c1.md');
    writeFileSync(file, '# Rusmiddelbehandling i Lilleby\u009b31m Kommune\n\n## Formål\n\nVi hjælper dig\u202e med at stoppe.\n');
    const out = join(dir, 'udkast.yaml');
    expect(cli(['import', file, '-o', out]).code).toBe(0);
    const draft = readFileSync(out, 'utf8');
    expect(draft).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    // The escapes mean the same characters to a YAML parser: no word of the source is lost.
    expect((parse(draft) as { titel: string }).titel).toBe('Rusmiddelbehandling i Lilleby\u009b31m Kommune');
  });
});

describe('the long fuzz run: a heading of 60,000 letters', () => {
  it('is read in linear time (the offer-heading pattern took 12 s on it)', () => {
    const dir = tempDir();
    const file = join(dir, 'lang.md');
    writeFileSync(file, `# Standard\n\n## ${'x'.repeat(60_000)} og mere tekst\n\nBorgeren kan få 3 samtaler.\n`);
    const started = Date.now();
    const run = cli(['import', file, '-o', join(dir, 'udkast.yaml')]);
    expect(run.code).toBe(0);
    // Generous for a loaded CI machine; the pattern's backtracking took 12 s here.
    expect(Date.now() - started).toBeLessThan(6000);
  });
});
