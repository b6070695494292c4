// The three reports: JSON validates against its schema, Markdown parses as a document with headings
// and tables, the terminal report respects NO_COLOR and a non-TTY; text from a standard is escaped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { marked } from 'marked';
import type { Token, Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { loadFormatter } from '../src/formatters/index.js';
import { summaryRows } from '../src/formatters/view.js';
import { parseStandard } from '../src/standard.js';
import { cli, fixture, root } from './helpers.js';

const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
const DATE = '2026-11-22';
const lists = loadBundledChecklists();
const reportOf = (file: string, text = readFileSync(file, 'utf8')) => audit(parseStandard(file, text), lists, { auditDate: DATE });
const FIXTURES = [fixture('eksempel-komplet.yaml'), fixture('helsingoer-rusmiddelbehandling.yaml')];

const flatten = (tokens: Token[]): Token[] => tokens.flatMap((t) => [t, ...flatten(((t as { tokens?: Token[] }).tokens ?? []) as Token[])]);

describe('the JSON report', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'));
  const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);

  it.each(FIXTURES)('validates against schemas/report.schema.json: %s', (file) => {
    const run = cli(['audit', file, '--format', 'json', '--dato', DATE]);
    const report = JSON.parse(run.stdout);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.reportVersion).toBe('1.0');
    const total = lists.reduce((n, l) => n + l.requirements.length, 0);
    expect(report.findings.length).toBe(total);
    expect(report.requirements.length).toBe(total);
    const ids = new Set(report.requirements.map((r: { id: string }) => r.id));
    for (const f of report.findings) expect(ids.has(f.requirement)).toBe(true);
  });

  it('validates for a batch of files, with the catalog listed once', () => {
    const run = cli(['audit', ...FIXTURES, '--format', 'json', '--dato', DATE]);
    const batch = JSON.parse(run.stdout);
    validate(batch);
    expect(validate.errors ?? []).toEqual([]);
    expect(batch.reports).toHaveLength(2);
    expect(batch.requirements.length).toBe(lists.reduce((n, l) => n + l.requirements.length, 0));
  });

  it('carries the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(reportOf(FIXTURES[0] as string).tool.version).toBe(pkg.version);
  });
});

describe('the Markdown report', () => {
  it('is a document: a title, the summary table, and gaps grouped by retningslinje with quoted text', async () => {
    const md = (await loadFormatter('markdown'))([reportOf(fixture('helsingoer-rusmiddelbehandling.yaml'))], { color: false });
    const tokens = flatten(marked.lexer(md));
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings[0]).toMatchObject({ depth: 1, text: 'Kvalitetstjek af Rusmiddelbehandling' });
    expect(headings.map((h) => h.text)).toEqual(expect.arrayContaining(['Sammenfatning', 'Mangler', 'Praksiskrav uden erklæring']));
    const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const summary = tables[1] as Tokens.Table;
    expect(summary.header.map((h) => h.text)).toEqual(['Retningslinje / paragraf', 'Opfyldt', 'Mangler skal', 'Mangler bør', 'Erklæret', 'Ikke erklæret', 'Ikke relevant']);
    expect(summary.rows.at(-1)?.[0]?.text).toBe('I alt');
    expect(tokens.some((t) => t.type === 'blockquote')).toBe(true);
    const html = marked.parse(md) as string;
    expect(html).toContain('<h3>2.8 ');
    expect(html).toContain('<td>Helsingør Kommune</td>');
  });

  it('shows text from the standard as text, not as markup', async () => {
    const hostile = readFileSync(fixture('eksempel-komplet.yaml'), 'utf8')
      .replace('kommune: Eksempel Kommune', 'kommune: "<script>alert(1)</script> | *Kommune* [x](y)"')
      .replace(/^gavekort:\n.*\n.*\n/m, '');
    const md = (await loadFormatter('markdown'))([reportOf(fixture('eksempel-komplet.yaml'), hostile)], { color: false });
    const html = marked.parse(md) as string;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | *Kommune* [x](y)');
  });
});

describe('the terminal report', () => {
  it('has no colour codes with NO_COLOR or when not a TTY, and has them with FORCE_COLOR', () => {
    const file = fixture('helsingoer-rusmiddelbehandling.yaml');
    const plain = cli(['audit', file, '--dato', DATE], { NO_COLOR: '1' });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const piped = cli(['audit', file, '--dato', DATE], {});
    expect(piped.stdout).not.toMatch(/\u001b\[/);
    const forced = cli(['audit', file, '--dato', DATE], { FORCE_COLOR: '1' });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });

  it('lists skal gaps before bør gaps, each with file:line:column', async () => {
    const out = (await loadFormatter('terminal'))([reportOf(fixture('helsingoer-rusmiddelbehandling.yaml'))], { color: false });
    const levels = [...out.matchAll(/^\S+:\d+:\d+ {2}(skal|bør) /gm)].map((m) => m[1]);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.indexOf('bør') === -1 || levels.lastIndexOf('skal') < levels.indexOf('bør')).toBe(true);
  });

  // Below about 93 columns the six count columns and the longest word do not fit beside each other;
  // there the table grows wider than the terminal rather than cut a word.
  it.each([
    [60, false, 93],
    [80, true, 93],
    [100, false, 100],
    [200, true, 200],
  ])('fits its summary table in %i columns (colour: %s) and shows every label whole', async (width, color, widest) => {
    const report = reportOf(fixture('helsingoer-rusmiddelbehandling.yaml'));
    const out = (await loadFormatter('terminal'))([report], { color, width });
    const plain = stripVTControlCharacters(out);
    const table = plain.split('\n').filter((l) => /^[┌│├└]/.test(l));
    expect(table.length).toBeGreaterThan(summaryRows(report).length);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(widest);
    expect(plain).not.toContain('…');
    // The first column, line by line, read back as words: each label appears in it unbroken.
    const firstColumn = table.map((l) => l.split('│')[1]?.trim() ?? '').join(' ').replace(/\s+/g, ' ');
    for (const row of summaryRows(report)) expect(firstColumn).toContain(row.label);
  });
});
