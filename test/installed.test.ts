// The package as a new user gets it: `npm pack`, `npm install` of the tarball into an empty folder, and
// the commands run from there (with npx). Uses the current build (npm test builds first).
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, tempDir } from './helpers.js';
import type { Run } from './helpers.js';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as <T>(a: T) => T;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let project: string; // the user's folder, with the package installed in node_modules
let pkg: string; // node_modules/kvalitetstjek
let packed: string[]; // the tarball's file list
let cacheDir: string;

beforeAll(() => {
  const work = tempDir();
  const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const info = (JSON.parse(out) as { filename: string; files: { path: string }[] }[])[0] as { filename: string; files: { path: string }[] };
  packed = info.files.map((f) => f.path);
  project = join(work, 'projekt');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, info.filename)], { cwd: project, stdio: 'ignore' });
  pkg = join(project, 'node_modules', 'kvalitetstjek');
  cacheDir = join(work, 'cache');
}, 90_000);

/**
 * `npx kvalitetstjek …` in the user's folder, with its own code cache folder; with npx: false, the
 * command npx finds (node_modules/.bin/kvalitetstjek) run by node, without npx's own second of start-up.
 */
function npx(args: string[], env: Record<string, string> = {}, viaNpx = false): Run {
  const command = viaNpx ? [process.platform === 'win32' ? 'npx.cmd' : 'npx', '--no-install', 'kvalitetstjek'] : [process.execPath, join(project, 'node_modules', '.bin', 'kvalitetstjek')];
  const r = spawnSync(command[0] as string, [...command.slice(1), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', KVALITETSTJEK_CACHE_DIR: cacheDir, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Run a script with the installed package's modules (dist/) in the user's folder; its stdout as JSON. */
function inPackage(script: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the installed package', () => {
  it("runs the help's first examples in an empty folder", () => {
    const help = npx(['--help'], {}, true);
    expect(help.code).toBe(0);
    const examples = help.stdout
      .split('Eksempler:\n')[1]
      ?.split('\n')
      .map((l) => l.trim().replace(/\s+\(.*\)$/, ''));
    // The first two: write the example, audit it (the audit finds Helsingør's gaps: exit 1).
    const [first, second] = (examples ?? []).slice(0, 2).map((l) => l.split(/\s+/).slice(1));
    expect(first?.[0]).toBe('init');
    expect(second?.[0]).toBe('audit');
    expect(npx(first as string[], {}, true).code).toBe(0);
    const audit = npx(second as string[], {}, true);
    expect(audit.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'))).toEqual([]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(/8 skal-krav og 0 bør-krav er ikke opfyldt/);
  });

  it('uses the generated checklists and reference data as built, though npm gave every file a new time', () => {
    // Precompiled checklists carry no parsed source; ones loaded from YAML do.
    const script = (marker: string) => `
      const { loadBundledChecklists } = await import(${JSON.stringify(join(pkg, 'dist', 'checklist.js'))});
      const { loadReferenceData } = await import(${JSON.stringify(join(pkg, 'dist', 'reference-data.js'))});
      const lists = loadBundledChecklists();
      const data = loadReferenceData();
      console.log(JSON.stringify({ parsed: lists.map((l) => l.source !== undefined), marked: data.sources.some((s) => s.title === ${JSON.stringify(marker)}) }));`;
    // A marker in the generated reference data shows whether it was used or the YAML re-read.
    const generated = join(pkg, 'generated', 'references.json');
    const pre = JSON.parse(readFileSync(generated, 'utf8')) as { data: { sources: { title: string }[] } };
    (pre.data.sources[0] as { title: string }).title = 'MARKØR';
    writeFileSync(generated, JSON.stringify(pre));
    expect(statSync(join(pkg, 'checklists', 'nationale-retningslinjer-2020.yaml')).mtimeMs).toBeGreaterThan(statSync(join(root, 'checklists', 'nationale-retningslinjer-2020.yaml')).mtimeMs);
    expect(inPackage(script('MARKØR'))).toEqual({ parsed: [false, false, false], marked: true });
    // A changed source is noticed: its contents, not its time, make the generated files stale.
    appendFileSync(join(pkg, 'checklists', 'nationale-retningslinjer-2020.yaml'), '\n# ændret\n');
    appendFileSync(join(pkg, 'checklists', 'lovhenvisninger.yaml'), '\n# ændret\n');
    expect(inPackage(script('MARKØR'))).toEqual({ parsed: [true, true, true], marked: false });
  });

  it('ships a LICENSE and the example, and no code cache made for the Node version that built it', () => {
    expect(packed).toContain('LICENSE');
    expect(readFileSync(join(pkg, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect((JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
    expect(packed).toContain('fixtures/helsingoer-rusmiddelbehandling.yaml');
    expect(packed.filter((f) => f.endsWith('.cache'))).toEqual([]);
  });

  it('writes the code cache on the first run, for the Node version in use, and uses it after', () => {
    const own = join(tempDir(), 'cache');
    expect(npx(['validate', join(pkg, 'fixtures', 'helsingoer-rusmiddelbehandling.yaml')], { KVALITETSTJEK_CACHE_DIR: own }).code).toBe(0);
    const files = readdirSync(own);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`));
    const before = statSync(join(own, files[0] as string)).mtimeMs;
    const accepted = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(join(pkg, 'bin', 'loader.cjs'))}).loadBundle().script.cachedDataRejected))`], {
      encoding: 'utf8',
      env: { ...process.env, KVALITETSTJEK_CACHE_DIR: own },
    });
    expect(accepted.stdout).toBe('false');
    expect(npx(['checklist', 'list'], { KVALITETSTJEK_CACHE_DIR: own }).code).toBe(0);
    expect(statSync(join(own, files[0] as string)).mtimeMs).toBe(before);
    // An empty KVALITETSTJEK_CACHE_DIR turns the cache off.
    const off = npx(['checklist', 'list'], { KVALITETSTJEK_CACHE_DIR: '' });
    expect(off.code).toBe(0);
  });
});

describe('the schema line that init writes', () => {
  const schemaAt = (file: string): string => {
    const line = readFileSync(file, 'utf8').split('\n')[0] as string;
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(line);
    expect(m, line).not.toBeNull();
    // As yaml-language-server resolves it: a path relative to the file's folder, or an absolute one.
    return resolve(dirname(file), (m as RegExpExecArray)[1] as string);
  };
  const validator = (schemaFile: string) => {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  };

  it('resolves offline to the installed schema, from the folder and from a subfolder', () => {
    mkdirSync(join(project, 'standarder'), { recursive: true });
    for (const name of ['ny.yaml', 'standarder/ny.yaml']) {
      expect(npx(['init', name]).code).toBe(0);
      expect(schemaAt(join(project, name))).toBe(join(pkg, 'schemas', 'kvalitetsstandard.schema.json'));
    }
    expect(readFileSync(join(project, 'ny.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=node_modules\/kvalitetstjek\/schemas\//);
  });

  it("is the schema an editor checks the example against: the example passes, a misspelt key does not", () => {
    expect(npx(['init', '--eksempel', 'eksempel.yaml']).code).toBe(0);
    const file = join(project, 'eksempel.yaml');
    const validate = validator(schemaAt(file));
    const text = readFileSync(file, 'utf8');
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(text.replace(/^formål:/m, 'formåll:')))).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'formåll')).toBe(true);
  });

  it("lists every offer type the schema allows in the template's comment", () => {
    const schema = JSON.parse(readFileSync(join(pkg, 'schemas', 'kvalitetsstandard.schema.json'), 'utf8')) as { definitions: { tilbud: { properties: { type: { enum: string[] } } } } };
    const types = schema.definitions.tilbud.properties.type.enum;
    expect(types).toContain('lægesamtale');
    const comment = /type: ambulant\s+# (.+)$/m.exec(readFileSync(join(project, 'ny.yaml'), 'utf8'))?.[1];
    expect(comment?.split(', ')).toEqual(types);
  });
});
