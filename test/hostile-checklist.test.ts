// A consultant's local checklist is input the tool must not trust: its patterns run under a
// linear-time engine, and every problem in a check is a Danish error at the keyword's position.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, hasStackTrace, root, tempDir } from './helpers.js';

const HEAD = ['checklist:', '  id: lokal', '  title: Lokale mål', '  source: { title: Byrådets mål }', 'retningslinjer:', '  - id: M1', '    title: Mål', 'requirements:'];

/** A requirement M1.n whose last lines are `extra` (e.g. a check); its first line is returned too. */
function requirement(n: number, extra: string[]): string[] {
  return [`  - id: M1.${n}`, '    retningslinje: M1', '    levels: [skal]', '    kind: document', '    actor: [kommune]', '    text: Noget.', ...extra];
}

function writeChecklist(lines: string[]): string {
  const file = join(tempDir(), 'lokal.yaml');
  writeFileSync(file, [...HEAD, ...lines, ''].join('\n'));
  return file;
}

/** The 1-based line and column where `needle` first stands in the file. */
function positionOf(file: string, needle: string, after = 0): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = after; i < lines.length; i++) {
    const col = (lines[i] as string).indexOf(needle);
    if (col >= 0) return `${file}:${i + 1}:${col + 1}`;
  }
  throw new Error(`${needle} not in ${file}`);
}

const ENGLISH = /schema is invalid|must be|must match|strict mode|unknown keyword|can't resolve|invalid escape|unsupported Perl/;

function expectDanishError(file: string, run: { code: number; stderr: string; stdout: string }): void {
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(ENGLISH);
  expect(hasStackTrace(run.stderr)).toBe(false);
  expect(run.stderr).toContain(file);
}

describe('a pattern in a local checklist', () => {
  it('runs in linear time: (a+)+$ against a 50,000-character title gives a normal report', () => {
    const dir = tempDir();
    const standard = join(dir, 'standard.yaml');
    const text = readFileSync(fixture('helsingoer-rusmiddelbehandling.yaml'), 'utf8').replace(/^titel: .*$/m, `titel: "${'a'.repeat(50_000)}!"`);
    writeFileSync(standard, text);
    const list = writeChecklist(requirement(1, ['    check: { properties: { titel: { pattern: "(a+)+$" } } }']));
    // Under JavaScript's backtracking engine this runs for minutes; the bound is for that hang.
    const r = spawnSync(process.execPath, [join(root, 'bin', 'kvalitetstjek.cjs'), 'audit', standard, '--lokal', list, '-f', 'json'], {
      encoding: 'utf8',
      cwd: root,
      timeout: 20_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.signal).toBeNull();
    expect([0, 1]).toContain(r.status);
    const report = JSON.parse(r.stdout) as { findings: { requirement: string; status: string }[] };
    // The title ends in "!", so the pattern does not match and the requirement is not met.
    expect(report.findings.find((f) => f.requirement === 'M1.1')?.status).toBe('missing');
  });

  it('runs under the same engine in the precompiled validators of the bundled checklists and schemas', () => {
    const code = readFileSync(join(root, 'generated', 'validators.cjs'), 'utf8');
    expect(code).toContain('require("../dist/compile.js").linearRegExp');
    expect(code).not.toMatch(/new RegExp\(/);
  });

  it('is matched with the same meaning as before: a pattern that fits the title is met', () => {
    const list = writeChecklist(requirement(1, ['    check: { properties: { titel: { pattern: "^Rus\\\\w+ng$" } }, required: [titel] }']));
    const run = cli(['audit', fixture('helsingoer-rusmiddelbehandling.yaml'), '--lokal', list, '-f', 'json']);
    const report = JSON.parse(run.stdout) as { findings: { requirement: string; status: string }[] };
    expect(report.findings.find((f) => f.requirement === 'M1.1')?.status).toBe('met');
  });

  it.each([
    ['a backreference', '(a)\\\\1', '\\1'],
    ['a lookahead', 'x(?=y)', '(?='],
    ['a negative lookbehind', '(?<!x)y', '(?<!x)y'],
  ])('with %s is a Danish error at the pattern, exit 2', (_name, pattern, fragment) => {
    const list = writeChecklist(requirement(1, ['    check:', '      properties:', `        titel: { pattern: "${pattern}" }`]));
    const run = cli(['checklist', 'list', '--lokal', list]);
    expectDanishError(list, run);
    expect(run.stderr).toContain(`${positionOf(list, `"${pattern}"`)}: kravet "M1.1": mønsteret i requirements[0].check.properties.titel.pattern kan ikke bruges`);
    expect(run.stderr).toContain(fragment);
  });

  it('as a patternProperties key is checked too', () => {
    const list = writeChecklist(requirement(1, ['    check:', '      patternProperties:', '        "^(x)\\\\1$": { type: string }']));
    const run = cli(['checklist', 'list', '--lokal', list]);
    expectDanishError(list, run);
    expect(run.stderr).toContain(`${positionOf(list, '"^(x)')}: kravet "M1.1": mønsteret`);
  });
});

describe('an invalid check in a local checklist', () => {
  it('names the checklist, the line and column of the bad keyword, in Danish', () => {
    const list = writeChecklist(requirement(1, ['    check:', '      properties:', '        titel: { type: strin }']));
    const run = cli(['audit', fixture('helsingoer-rusmiddelbehandling.yaml'), '--lokal', list]);
    expectDanishError(list, run);
    expect(run.stderr).toContain(`${positionOf(list, 'strin')}: kravet "M1.1" har en kontrol, der ikke er gyldigt JSON Schema: requirements[0].check.properties.titel.type skal være en af: array, boolean`);
  });

  it('reports a misspelt keyword in partial as an unknown key with a suggestion', () => {
    const list = writeChecklist(requirement(1, ['    partial: { requird: [titel] }']));
    const run = cli(['checklist', 'list', '--lokal', list]);
    expectDanishError(list, run);
    expect(run.stderr).toContain(`${positionOf(list, 'requird:')}: kravet "M1.1"`);
    expect(run.stderr).toContain('ukendt nøgle "requird"; mente du "required"?');
  });

  it('reports a maxAgeMonths that is not a whole number of months at its value', () => {
    const list = writeChecklist(requirement(1, ['    check: { properties: { vedtaget: { properties: { dato: { maxAgeMonths: tolv } } } } }']));
    const run = cli(['checklist', 'list', '--lokal', list]);
    expectDanishError(list, run);
    expect(run.stderr).toContain(`${positionOf(list, 'tolv')}: kravet "M1.1"`);
    expect(run.stderr).toContain('maxAgeMonths skal være et heltal');
  });

  it('checks appliesIf, of a requirement and of the checklist itself', () => {
    const file = join(tempDir(), 'lokal.yaml');
    const lines = [...HEAD.slice(0, 4), '  appliesIf: { properties: { titel: { minLength: -1 } } }', ...HEAD.slice(4), ...requirement(1, ['    appliesIf: { required: titel }']), ''];
    writeFileSync(file, lines.join('\n'));
    const run = cli(['checklist', 'list', '--lokal', file]);
    expectDanishError(file, run);
    expect(run.stderr).toContain('2 fejl i filen');
    expect(run.stderr).toContain(`${positionOf(file, '-1')}: kravet "lokal"`);
    expect(run.stderr).toContain(`${positionOf(file, 'titel }')}: kravet "M1.1" har en kontrol, der ikke er gyldigt JSON Schema: requirements[0].appliesIf.required skal være en liste`);
  });

  it('reports a $ref to nothing at the $ref', () => {
    const list = writeChecklist(requirement(1, ['    check:', '      properties:', '        titel: { $ref: "#/definitions/findesIkke" }']));
    const run = cli(['checklist', 'list', '--lokal', list]);
    expectDanishError(list, run);
    expect(run.stderr).toContain(`${positionOf(list, '"#/definitions')}: kravet "M1.1" har en kontrol med $ref til "#/definitions/findesIkke", som ikke findes`);
  });
});
