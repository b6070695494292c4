// Issue 11, the file-system and git side: report files written all-or-nothing and never over an
// input, devices written to and not replaced, revisions never read as git options, folder walks
// that end and audit each file once.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, hasStackTrace, root, tempDir } from './helpers.js';

const DATE = '2026-11-22';
const BIN = join(root, 'bin', 'kvalitetstjek.cjs');

/** A folder with a copy of the complete example standard as standard.yaml. */
function workspace(): { dir: string; input: string; before: string } {
  const dir = tempDir();
  const input = join(dir, 'standard.yaml');
  copyFileSync(fixture('eksempel-komplet.yaml'), input);
  return { dir, input, before: readFileSync(input, 'utf8') };
}

const git = (dir: string, ...args: string[]) => {
  const r = spawnSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
};

/** A workspace whose standard.yaml is committed once. */
function repository(): { dir: string; input: string } {
  const w = workspace();
  git(w.dir, 'init', '-q');
  git(w.dir, 'add', '.');
  git(w.dir, 'commit', '-qm', 'standard');
  return w;
}

/** An input error: exit code 2, no stack trace, no crash report, the given Danish text. */
function expectInputError(run: { code: number; stderr: string }, text: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(text);
  expect(run.stderr).not.toMatch(/uventet fejl|undefined/);
  expect(hasStackTrace(run.stderr)).toBe(false);
}

describe('report files', () => {
  it('are not written through a temporary name someone planted as a symlink to the input', () => {
    const { dir, input, before } = workspace();
    // The shell's pid is the CLI's pid after exec: the old temporary name was .<name>.<pid>.tmp.
    const script = `cd "${dir}" && ln -s standard.yaml .rapport.md.$$.tmp && exec "${process.execPath}" "${BIN}" audit standard.yaml -f markdown -o rapport.md --dato ${DATE}`;
    const run = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toMatch(/^# Kvalitetstjek af /);
  });

  it('are written into a pipe, not over it', async () => {
    const { dir, input } = workspace();
    const fifo = join(dir, 'rør');
    const received = join(dir, 'modtaget.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A reader in its own process, so it reads while the CLI runs synchronously.
    const reader = spawn('sh', ['-c', `exec cat "${fifo}" > "${received}"`]);
    const done = new Promise<void>((ok) => reader.on('exit', () => ok()));
    try {
      const run = cli(['audit', input, '-f', 'json', '-o', fifo, '--dato', DATE]);
      expect(run.code, run.stderr).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    } finally {
      // The old code replaced the pipe, so the reader would wait for ever.
      if (lstatSync(fifo).isFIFO()) await done;
      else reader.kill();
    }
    expect(JSON.parse(readFileSync(received, 'utf8')).file).toBe(input);
  });

  it('say in Danish when a device is full, and leave the device alone', () => {
    const { input } = workspace();
    const run = cli(['audit', input, '-o', '/dev/full', '--dato', DATE]);
    expectInputError(run, /^\/dev\/full: kan ikke skrive filen: der er ikke mere plads/m);
    expect(run.stderr).not.toContain('Rapporten er skrevet');
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('are refused through a symlink that points at an input, and the link stays', () => {
    const { dir, input, before } = workspace();
    const link = join(dir, 'rapport.txt');
    symlinkSync('standard.yaml', link);
    expectInputError(cli(['audit', input, '-o', link, '--dato', DATE]), /rapporten må ikke skrives oven i inputfilen/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('replace the file a symlink points at, and keep the link', () => {
    const { dir, input } = workspace();
    mkdirSync(join(dir, 'rapporter'));
    writeFileSync(join(dir, 'rapporter', 'seneste.json'), 'gammel');
    const link = join(dir, 'rapport.json');
    symlinkSync(join('rapporter', 'seneste.json'), link);
    const run = cli(['audit', input, '-f', 'json', '-o', link, '--dato', DATE]);
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'rapporter', 'seneste.json'), 'utf8')).file).toBe(input);
    expect(readdirSync(join(dir, 'rapporter'))).toEqual(['seneste.json']);
  });

  it('are all written or none: a later output that fails leaves the earlier ones untouched', () => {
    const { dir, input } = workspace();
    const first = join(dir, 'rapport.json');
    writeFileSync(first, 'forrige rapport');
    const run = cli(['audit', input, '-f', 'json', '-o', first, '-f', 'markdown', '-o', join(dir, 'mangler', 'rapport.md'), '--dato', DATE]);
    // The message names the file and says why, in Danish (it said "kan ikke skrive undefined").
    expectInputError(run, /mangler\/rapport\.md: kan ikke skrive filen: mappen findes ikke/);
    expect(readFileSync(first, 'utf8')).toBe('forrige rapport');
    expect(readdirSync(dir).sort()).toEqual(['rapport.json', 'standard.yaml']);
  });

  it('are all written or none together with a new baseline, whichever of them fails', () => {
    const { dir, input } = workspace();
    const report = join(dir, 'rapport.json');
    const baseline = join(dir, 'baseline.json');
    const missing = join(dir, 'mangler', 'x.json');
    expectInputError(cli(['audit', input, '-f', 'json', '-o', report, '--opret-baseline', missing, '--dato', DATE]), /kan ikke skrive filen/);
    expectInputError(cli(['audit', input, '-f', 'json', '-o', missing, '--opret-baseline', baseline, '--dato', DATE]), /kan ikke skrive filen/);
    expect(readdirSync(dir)).toEqual(['standard.yaml']);
    const run = cli(['audit', input, '-f', 'json', '-o', report, '--opret-baseline', baseline, '--dato', DATE]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['baseline.json', 'rapport.json', 'standard.yaml']);
  });
});

describe('git revisions', () => {
  it('are never read as options to git', () => {
    const { dir, input } = repository();
    // git would write "<dir>/x:./standard.yaml" if it took the revision for --output.
    mkdirSync(join(dir, 'x:.'));
    const run = cli(['diff', input, `--git=--output=${join(dir, 'x')}`, '--dato', DATE]);
    expectInputError(run, /revisionen "--output=.*" findes ikke/);
    expect(readdirSync(join(dir, 'x:.'))).toEqual([]);
  });

  it('must be given: an empty revision is an error, not a comparison of the file with itself', () => {
    const { input } = repository();
    const run = cli(['diff', input, '--git', '', '--dato', DATE]);
    expectInputError(run, /revisionen til --git er tom/);
    expect(run.stdout).not.toContain('Ingen ændringer');
  });

  it('must exist; a file not in git at that revision is new, not an error', () => {
    const { dir, input } = repository();
    expectInputError(cli(['diff', input, '--git', 'HEAD~5', '--dato', DATE]), /revisionen "HEAD~5" findes ikke/);
    const other = join(dir, 'ny.yaml');
    copyFileSync(input, other);
    // A file added since the revision is compared with an empty old side (see ci.test.ts), not refused.
    expect(cli(['diff', other, '--git', 'HEAD', '--dato', DATE]).stderr).not.toContain('filen findes ikke');
    expect(cli(['diff', input, '--git', 'HEAD', '--dato', DATE]).code).toBe(0);
  });

  it('say in Danish when the file is not in a git repository, or git cannot be started', () => {
    const { input } = workspace();
    expectInputError(cli(['diff', input, '--git', 'HEAD', '--dato', DATE]), /filen ligger ikke i et git-repository/);
    expectInputError(cli(['rapport', input, '--historik', '--dato', DATE]), /filen ligger ikke i et git-repository/);
    const noGit = cli(['diff', input, '--git', 'HEAD', '--dato', DATE], { NO_COLOR: '1', PATH: join(input, 'ingen') });
    expectInputError(noGit, /git kan ikke startes/);
  });
});

describe('rapport --historik', () => {
  it.each(['0', '-1', '1.5', 'alle', ''])('refuses --max %j with a Danish usage error', (max) => {
    const { input } = repository();
    expectInputError(cli(['rapport', input, '--historik', '--max', max, '--dato', DATE]), /--max skal være et helt tal større end 0/);
  });

  it('says so when the file has no commits, instead of crashing', () => {
    const { dir } = repository();
    const untracked = join(dir, 'ny.yaml');
    copyFileSync(fixture('eksempel-komplet.yaml'), untracked);
    expectInputError(cli(['rapport', untracked, '--historik', '--dato', DATE]), /ny\.yaml: filen har ingen commits i git/);
  });
});

describe('folder walks', () => {
  /** The files a JSON audit reported on, in order. */
  const audited = (stdout: string) => {
    const json = JSON.parse(stdout) as { reports?: { file: string }[]; file?: string };
    return json.reports ? json.reports.map((r) => r.file) : [json.file];
  };

  it('do not follow symlinks, skip node_modules and .git, and audit each file once', () => {
    const base = tempDir();
    const dir = join(base, 'standarder');
    for (const sub of ['sub', 'node_modules/pakke', '.git', join('..', 'andet')]) mkdirSync(join(dir, sub), { recursive: true });
    for (const f of ['a.yaml', 'sub/b.yml', 'node_modules/pakke/c.yaml', '.git/d.yaml', '../andet/e.yaml']) copyFileSync(fixture('eksempel-komplet.yaml'), join(dir, f));
    symlinkSync('.', join(dir, 'løkke'));
    symlinkSync(join('..', 'andet'), join(dir, 'udenfor'));
    symlinkSync('a.yaml', join(dir, 'genvej.yaml'));
    const run = spawnSync(process.execPath, [BIN, 'audit', 'standarder', '-f', 'json', '--dato', DATE], { cwd: base, encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(audited(run.stdout)).toEqual(['standarder/a.yaml', 'standarder/sub/b.yml']);
  });

  it('keep the first spelling of a file named twice', () => {
    const base = tempDir();
    mkdirSync(join(base, 'mappe'));
    copyFileSync(fixture('eksempel-komplet.yaml'), join(base, 'mappe', 'a.yaml'));
    const run = spawnSync(process.execPath, [BIN, 'audit', './mappe/a.yaml', 'mappe', 'mappe/../mappe/a.yaml', '-f', 'json', '--dato', DATE], { cwd: base, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(audited(run.stdout)).toEqual(['./mappe/a.yaml']);
    expect(existsSync(join(base, 'mappe', 'a.yaml'))).toBe(true);
  });
});
