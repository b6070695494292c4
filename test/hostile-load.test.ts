// Hostile and broken files at the loading stage (issue 11): YAML aliases, collection keys, deep
// nesting, oversized files, floods of errors, impossible dates and malformed baselines. Each is an
// input error in Danish with file:line:column and exit code 2: no English, no warning, no stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { revisionOf } from '../src/audit.js';
import { cli, expectInputError, fixture, hasStackTrace, root, tempDir } from './helpers.js';

const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
/** What leaked before: yaml's and Node's own words, and the wrapper for faults in the tool. */
const ENGLISH = /Excessive|Unresolved|Warning|Cannot read|stringified|uventet fejl/;


const STANDARD = 'kommune: Fejlby Kommune\ntitel: Rusmiddelbehandling\n';

const cases: { name: string; file: string; message: RegExp }[] = [
  { name: 'aliases expanding past the limit', file: 'alias-udfoldning.yaml', message: /aliaserne \(\*navn\) udfolder sig til mere end 10\.000 værdier i alt/ },
  { name: 'an alias with no anchor before it', file: 'alias-uden-anker.yaml', message: /aliaset \*tilbud henviser til et anker \(&tilbud\), som ikke er sat før aliaset/ },
  { name: 'an alias inside its own anchor', file: 'alias-i-eget-anker.yaml', message: /aliaset \*liste står inden i sit eget anker/ },
  { name: 'a mapping used as a key', file: 'noegle-er-mapping.yaml', message: /ugyldig YAML: nøgler skal være tekst/ },
  { name: 'a list used as a key', file: 'noegle-er-liste.yaml', message: /ugyldig YAML: nøgler skal være tekst/ },
  { name: '10,000 levels of nesting and no alias', file: 'for-dyb.yaml', message: /indlejret mere end 100 niveauer dybt/ },
  { name: 'an alias nesting its anchor past the limit', file: 'alias-for-dyb.yaml', message: /indlejret mere end 100 niveauer dybt/ },
  { name: 'a key used twice', file: 'dobbelt-noegle.yaml', message: /ugyldig YAML: den samme nøgle står to gange/ },
  { name: 'a date in year 0101', file: 'dato-aar-0101.yaml', message: /senest_revideret skal være en dato fra 1900-01-01 til 2199-12-31/ },
  { name: 'a date in year 9999', file: 'dato-aar-9999.yaml', message: /næste_revision skal være en dato fra 1900-01-01 til 2199-12-31/ },
];

describe.each(['validate', 'audit'])('kvalitetstjek %s on a hostile standard', (command) => {
  it.each(cases)('$name', ({ file: name, message }) => {
    const run = expectInputError(command, fixture(`fejl/${name}`), message);
    expect(run.stderr).not.toMatch(ENGLISH);
  });
});

describe('limits on size and on the number of problems listed', () => {
  it('refuses a file over 1 MB before parsing it, naming the limit', () => {
    const file = join(tempDir(), 'stor.yaml');
    // Valid YAML throughout: only the size is wrong.
    writeFileSync(file, STANDARD + `# ${'x'.repeat(1024 * 1024)}\n`);
    const run = cli(['validate', file]);
    expect(run.code).toBe(2);
    // Pointed at where the limit is passed: on the comment line, 1 MB into the file.
    const lines = STANDARD.split('\n').length;
    const column = 1024 * 1024 - STANDARD.length + 1;
    expect(run.stderr).toBe(`${file}:${lines}:${column}: filen er for stor: den fylder 1,1 MB, og kvalitetstjek læser højst 1 MB\n`);
  });

  it('a file just under 1 MB is read', () => {
    const file = join(tempDir(), 'naesten-stor.yaml');
    writeFileSync(file, STANDARD + `# ${'x'.repeat(1024 * 1024 - STANDARD.length - 10)}\n`);
    const run = cli(['validate', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('20,000 unknown keys: all counted, the first 50 listed in file order', () => {
    const file = join(tempDir(), 'mange.yaml');
    writeFileSync(file, STANDARD + Array.from({ length: 20_000 }, (_, i) => `ukendt${i}: x\n`).join(''));
    const run = cli(['validate', file]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    // An unknown key with a text value is pointed at the value, as for every other key.
    expect(lines[0]).toBe(`${file}:3:10: 20000 fejl i filen`);
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines[1]).toBe(`  ${file}:3:10: ukendt nøgle "ukendt0"`);
    expect(lines[50]).toBe(`  ${file}:52:11: ukendt nøgle "ukendt49"`);
    expect(lines[51]).toBe('  … og 19950 fejl mere');
  });
});

describe('revision dates', () => {
  it.each([
    ['2020-02-29', '2022-02-28'], // no 29 February in 2022: the month's last day
    ['2024-02-29', '2026-02-28'],
    ['2028-02-29', '2030-02-28'],
    ['2026-03-10', '2028-03-10'],
    ['2199-12-31', '2201-12-31'],
  ])('last revised %s: due %s, a real date', (last, due) => {
    const r = revisionOf({ senest_revideret: last }, '2020-01-01');
    expect(r.due).toBe(due);
    expect(new Date(`${due}T00:00:00Z`).toISOString().slice(0, 10)).toBe(due);
  });

  it('counts days for any four-digit year, never NaN', () => {
    // The standard's schema keeps years to 1900-2199; the library function is exported and must hold too.
    const r = revisionOf({ senest_revideret: '0101-01-01' }, '0103-01-11');
    expect(r.due).toBe('0103-01-01');
    expect(r.daysLeft).toBe(-10);
  });

  it('the JSON report for a leap-day revision has a real due date and validates against its schema', () => {
    const file = join(tempDir(), 'skudaar.yaml');
    writeFileSync(file, STANDARD + 'senest_revideret: 2020-02-29\n');
    const run = cli(['audit', file, '-f', 'json', '--dato', '2021-06-01']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.revision.due).toBe('2022-02-28');
    expect(report.revision.daysLeft).toBe(272);
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'));
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('a malformed baseline', () => {
  const standard = fixture('eksempel-komplet.yaml');
  it.each([
    ['an empty file', '', '1:1', /filen er tom/],
    ['a list instead of a mapping', '- kommune: Fejlby Kommune\n', '1:1', /indholdet skal være en YAML-mapping/],
    ['a text instead of the list', 'kendte_mangler: ingen\n', '1:17', /kendte_mangler skal være en liste/],
    ['a number as a key', 'kendte_mangler: [{kommune: 1, nøgle: x}]\n', '1:28', /kendte_mangler\[0\]\.kommune skal være tekst/],
    // A { } mapping on one line is pointed at where it opens, not at the line below it.
    ['an empty entry', 'kendte_mangler: [{}]\n', '1:18', /nøglen "kommune" mangler/],
    ['an alias with no anchor', 'kendte_mangler: *mangler\n', '1:17', /aliaset \*mangler henviser til et anker/],
    ['an impossible date', 'kendte_mangler: [{kommune: K, nøgle: x, udløber: 2026-02-30}]\n', '1:50', /udløber skal være en gyldig dato/],
  ])('%s', (_name, text, at, message) => {
    const file = join(tempDir(), 'baseline.yaml');
    writeFileSync(file, text);
    const run = cli(['audit', standard, '--baseline', file, '-f', 'json']);
    expect(run.stderr).not.toMatch(ENGLISH);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:${at}: `);
    expect(run.stderr).toMatch(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
