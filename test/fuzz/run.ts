// Run one case in this process: make its folder, call the CLI's main with an io that records the
// streams, and check every property. main is passed in, so the same code runs the TypeScript
// sources (vitest) and the built dist/ (npm run fuzz).
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Case } from './cases.js';
import { check } from './check.js';
import type { Entry, Outcome, Snapshot, Validators, Violation } from './check.js';

// The CLI's own injected-io type (a type only: the runner calls the built dist/, not the sources).
import type { Io } from '../../src/cli.js';
export type { Io };
export type Main = (argv: readonly string[], io: Io) => Promise<number>;

const resolveIn = (s: string, dir: string) => s.replaceAll('{D}', dir).replaceAll('{PID}', String(process.pid));

function snapshot(dir: string): Snapshot {
  const snap: Snapshot = new Map();
  const walk = (p: string) => {
    const st = lstatSync(p);
    let entry: Entry;
    if (st.isSymbolicLink()) entry = { type: 'link', target: readlinkSync(p) };
    else if (st.isFile()) entry = { type: 'file', bytes: new Uint8Array(readFileSync(p)) };
    else if (st.isDirectory()) entry = { type: 'dir' };
    else entry = { type: 'other' };
    if (p !== dir) snap.set(p, entry);
    if (entry.type === 'dir') for (const name of readdirSync(p)) if (name !== '.git') walk(join(p, name));
  };
  walk(dir);
  return snap;
}

const git = (dir: string, ...args: string[]) =>
  spawnSync('git', ['-C', dir, '-c', 'user.name=Fuzz', '-c', 'user.email=fuzz@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });

/** Make the case's folder; returns it and the argv with paths filled in. */
export function materialize(c: Case): { dir: string; argv: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kvalitetstjek-fuzz-'));
  if (c.git) {
    git(dir, 'init', '-q');
    for (const [i, commit] of c.git.entries()) {
      writeFileSync(join(dir, commit.path), commit.content);
      git(dir, 'add', '.');
      git(dir, 'commit', '-qm', `revision ${i + 1}`);
    }
  }
  for (const f of c.files) {
    const path = resolveIn(f.path, dir);
    mkdirSync(dirname(path), { recursive: true });
    if ('symlink' in f) symlinkSync(resolveIn(f.symlink, dir), path);
    else if ('dir' in f) mkdirSync(path, { recursive: true });
    else writeFileSync(path, f.content);
  }
  return { dir, argv: c.argv.map((a) => resolveIn(a, dir)) };
}

/** Node's own warnings (e.g. from the YAML library) go to the process, not to io: catch them too. */
function captureWarnings(): { stop: () => Promise<string> } {
  let text = '';
  const onWarning = (w: Error) => (text += `(node:${process.pid}) ${w.name}: ${w.message}\n`);
  process.on('warning', onWarning);
  const saved = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  console.log = console.info = (...a: unknown[]) => void (text += `${a.join(' ')}\n`);
  console.error = console.warn = (...a: unknown[]) => void (text += `${a.join(' ')}\n`);
  return {
    stop: async () => {
      await new Promise((r) => setImmediate(r));
      process.off('warning', onWarning);
      Object.assign(console, saved);
      return text;
    },
  };
}

/** Call main the way the bin does, with recorded streams. */
export async function callMain(main: Main, argv: readonly string[], today: string): Promise<{ code: number | 'threw'; stdout: string; stderr: string; ms: number }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, columns: 100, env: { NO_COLOR: '1' }, today: () => today };
  const warnings = captureWarnings();
  const start = performance.now();
  let code: number | 'threw';
  try {
    code = await main(argv, io);
  } catch (err) {
    code = 'threw';
    stderr += err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  const ms = performance.now() - start;
  stderr += await warnings.stop();
  return { code, stdout, stderr, ms };
}

export type Executor = (argv: readonly string[], today: string) => Promise<{ code: number | 'threw'; stdout: string; stderr: string; ms: number }>;

/** main in this process. */
export const inProcess = (main: Main): Executor => (argv, today) => callMain(main, argv, today);

/** The real bin in a child process, killed after timeoutMs (a hang is then reported by the time property). */
export const spawned =
  (bin: string, timeoutMs: number): Executor =>
  async (argv) => {
    const start = performance.now();
    const env = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined }).filter((e): e is [string, string] => e[1] !== undefined));
    const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.signal ? `\n[killed by ${r.signal}]` : ''), ms: performance.now() - start };
  };

export async function runCase(c: Case, exec: Executor, v: Validators, timeLimitMs: number, onDir?: (dir: string) => void): Promise<Violation[]> {
  const { dir, argv } = materialize(c);
  onDir?.(dir);
  try {
    const before = snapshot(dir);
    const run = await exec(argv, c.today);
    const after = snapshot(dir);
    const outputs = c.outputs.map((x) => {
      const path = resolveIn(x.path, dir);
      const e = after.get(path);
      return { path, kind: x.kind, text: e?.type === 'file' ? Buffer.from(e.bytes).toString('utf8') : undefined };
    });
    const outcome: Outcome = { ...run, before, after, outputs, timeLimitMs };
    const draft = c.category === 'import' ? outputs.find((x) => x.kind === 'draft' && x.text !== undefined) : undefined;
    if (draft) {
      const r = await exec(['validate', draft.path], c.today);
      outcome.draftValidation = { code: r.code === 'threw' ? -1 : r.code, stderr: r.stderr };
    }
    return check(c, argv, dir, outcome, v);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
