// The catalog from the command line, init, and writing report files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, hasStackTrace, root, tempDir } from './helpers.js';

describe('kvalitetstjek checklist list', () => {
  it('prints the catalog as a JSON array with the public fields', () => {
    const run = cli(['checklist', 'list', '--format', 'json']);
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'printedId', 'retningslinje', 'levels', 'kind', 'actor', 'text']));
      expect(e.printedId === null || (typeof e.printedId === 'string' && e.printedId !== e.id)).toBe(true);
    }
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('3.4.1')).toMatchObject({ printedId: null, retningslinje: { id: '3.4' }, levels: ['skal'] });
    expect(byId.get('2.8.1')).toMatchObject({ printedId: '2.7.1', retningslinje: { id: '2.8' }, kind: 'document' });
  });

  it('filters by level and kind', () => {
    const all = JSON.parse(cli(['checklist', 'list', '--format', 'json']).stdout) as { levels: string[]; kind: string }[];
    const bør = JSON.parse(cli(['checklist', 'list', '--format', 'json', '--niveau', 'bør']).stdout) as { levels: string[] }[];
    expect(bør.length).toBe(all.filter((e) => e.levels.includes('bør')).length);
    expect(bør.every((e) => e.levels.includes('bør'))).toBe(true);
    const docs = JSON.parse(cli(['checklist', 'list', '--format', 'json', '--type', 'document']).stdout) as { kind: string }[];
    expect(docs.length).toBe(all.filter((e) => e.kind === 'document').length);
  });

  it('prints a table grouped by retningslinje in the terminal', () => {
    const run = cli(['checklist', 'list', '--niveau', 'skal']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3.4 ');
    expect(run.stdout).toMatch(/\d+ krav i \d+ grupper/);
    expect(run.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it('rejects a broken local checklist with file, line and column', () => {
    const dir = tempDir();
    const file = join(dir, 'lokal.yaml');
    writeFileSync(
      file,
      ['checklist:', '  id: lokal', '  title: Lokale mål', '  source: { title: Byrådets mål }', 'retningslinjer:', '  - id: M1', '    title: Mål', 'requirements:', '  - id: M1.1', '    retningslinje: M2', '    levels: [skal]', '    kind: dokument', '    actor: [kommune]', '    text: Noget.', ''].join('\n'),
    );
    const run = cli(['checklist', 'list', '--checklist', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:12:11: requirements[0].kind skal være en af: document, service, practice`);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('uses a valid local checklist beside the bundled ones', () => {
    const dir = tempDir();
    const file = join(dir, 'lokal.yaml');
    writeFileSync(
      file,
      ['checklist:', '  id: lokal', '  title: Lokale mål', '  source: { title: Byrådets mål }', 'retningslinjer:', '  - id: M1', '    title: Byrådets mål', 'requirements:', '  - id: M1.1', '    retningslinje: M1', '    levels: [bør]', '    kind: document', '    actor: [kommune]', '    text: Standarden bør angive en webadresse.', '    check: { required: [url] }', ''].join('\n'),
    );
    const entries = JSON.parse(cli(['checklist', 'list', '--format', 'json', '--lokal', file]).stdout) as { id: string }[];
    expect(entries.map((e) => e.id)).toContain('M1.1');
    expect(entries.map((e) => e.id)).toContain('3.4.1');
  });
});

describe('kvalitetstjek explain', () => {
  it('explains an anvisning in Danish with its retningslinje, level, kind and legal basis', () => {
    const run = cli(['explain', '3.4.1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Behandling skal iværksættes senest 14 dage');
    expect(run.stdout).toMatch(/Retningslinje:\s+3\.4 /);
    expect(run.stdout).toMatch(/Niveau:\s+skal/);
    expect(run.stdout).toMatch(/Lovgrundlag:/);
    expect(run.stdout).toContain('bek1477-4.1.6'); // the related § 4 item
  });

  it('finds an anvisning by its printed number too', () => {
    const run = cli(['explain', '3.1.2. b', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: '3.1.2b', printedId: '3.1.2. b' });
  });
});

describe('kvalitetstjek init', () => {
  it('writes a skeleton with every section that parses, and never overwrites', () => {
    const dir = tempDir();
    const file = join(dir, 'ny.yaml');
    expect(cli(['init', file]).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'kvalitetsstandard.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    for (const key of Object.keys(schema.properties)) expect(text, key).toMatch(new RegExp(`^#? ?${key}:`, 'm'));
    expect(cli(['validate', file]).code).toBe(0);
    // The untouched skeleton is not a passing standard: every section is still missing.
    const audit = cli(['audit', file, '--format', 'json', '--dato', '2026-11-22']);
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).summary.gaps.skal).toBeGreaterThanOrEqual(16);
    const again = cli(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('findes allerede');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('report files', () => {
  it('are written whole, and never over an input', () => {
    const dir = tempDir();
    const input = join(dir, 'standard.yaml');
    copyFileSync(fixture('eksempel-komplet.yaml'), input);
    const before = readFileSync(input, 'utf8');
    const out = join(dir, 'rapport.md');
    const run = cli(['audit', input, '--format', 'markdown', '--output', out, '--dato', '2026-11-22']);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Kvalitetstjek af /);
    const clash = cli(['audit', input, '--output', input]);
    expect(clash.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['rapport.md', 'standard.yaml']);
  });

  it('are not created when the output folder does not exist', () => {
    const dir = tempDir();
    const out = join(dir, 'mangler', 'rapport.md');
    const run = cli(['audit', fixture('eksempel-komplet.yaml'), '--output', out]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('output into a closed pipe', () => {
  it('stops quietly when the reader goes away (e.g. | head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${join(root, 'bin', 'kvalitetstjek.cjs')}" checklist list | head -1`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout.split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/EPIPE|at .+:\d+:\d+/);
  });
});

describe('option values in Danish', () => {
  const HELSINGOER = fixture('helsingoer-rusmiddelbehandling.yaml');
  it('--type takes the Danish names the output uses, and the English ones as aliases', () => {
    const kinds = (type: string) => (JSON.parse(cli(['checklist', 'list', '-f', 'json', '--type', type]).stdout) as { kind: string }[]).map((k) => k.kind);
    expect(new Set(kinds('praksis'))).toEqual(new Set(['practice']));
    expect(kinds('dokumentkrav')).toEqual(kinds('document'));
    expect(kinds('Serviceniveau')).toEqual(kinds('service'));
    const bad = cli(['checklist', 'list', '--type', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('vælg mellem dokumentkrav, serviceniveau, praksis');
    expect(cli(['checklist', 'list', '--help']).stdout).toMatch(/dokumentkrav,\s+serviceniveau\s+eller\s+praksis/);
  });

  it('--fail-on and --vis take "bør" in any case and as "boer"', () => {
    for (const v of ['boer', 'BØR', 'Bør']) {
      expect(cli(['audit', HELSINGOER, '--dato', '2026-11-22', '--fail-on', v, '-f', 'json']).code).toBe(1);
      expect(cli(['audit', HELSINGOER, '--dato', '2026-11-22', '--vis', v, '-f', 'json']).code).toBe(1);
    }
    expect(cli(['audit', HELSINGOER, '--dato', '2026-11-22', '--fail-on', 'ALDRIG', '-f', 'json']).code).toBe(0);
    const bad = cli(['audit', HELSINGOER, '--fail-on', 'xx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ugyldig værdi "xx" for --fail-on <niveau>: vælg mellem skal, bør, aldrig');
  });
});
