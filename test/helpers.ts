// Shared test helpers: run the built CLI as a user would, and paths to the project's files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const fixture = (name: string) => join(root, 'fixtures', name);
export const seed = (prefix: string) => join(root, '..', 'shared', 'seeds', prefix);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kvalitetstjek.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    cwd: root,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'kvalitetstjek-'));

/** A stack trace looks like "    at fn (file:line:col)". */
export const hasStackTrace = (s: string) => /^\s+at .+:\d+:\d+\)?$/m.test(s);
