// Shared test helpers: run the built CLI as a user would, and paths to the project's files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const fixture = (name: string) => join(root, 'fixtures', name);
export const seed = (prefix: string) => join(root, '..', 'shared', 'seeds', prefix);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI. Colour variables are removed unless given; NO_COLOR=1 by default. */
export function cli(args: string[], env: Record<string, string | undefined> = { NO_COLOR: '1' }): Run {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
  const clean = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kvalitetstjek.cjs'), ...args], { encoding: 'utf8', env: clean, cwd: root });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'kvalitetstjek-'));

/** A stack trace looks like "    at fn (file:line:col)". */
export const hasStackTrace = (s: string) => /^\s+at .+:\d+:\d+\)?$/m.test(s);

/** A standard's text without one top-level section (its key line up to the next top-level key). */
export function withoutSection(text: string, key: string): { text: string; line: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) throw new Error(`no section ${key}`);
  let end = start + 1;
  while (end < lines.length && !/^[^\s#-]/.test(lines[end] as string)) end++;
  return { text: [...lines.slice(0, start), ...lines.slice(end)].join('\n'), line: start + 1 };
}

/** Every string value of a YAML document (an import draft), in document order, one per line. */
export function yamlStrings(yaml: string): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parse(yaml));
  return out.join('\n');
}

/** A file's content hash: an input must be byte-identical after any command. */
export const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** "# Forventet: … linje 6, kolonne 13 …" in a fixture's first line → { line: 6, column: 13 } */
export function expectedPosition(file: string): { line: number; column: number } {
  const first = readFileSync(file, 'latin1').split('\n')[0] ?? '';
  const m = /linje (\d+), kolonne (\d+)/.exec(first);
  if (!m) throw new Error(`${file}: no expected position in its first line`);
  return { line: Number(m[1]), column: Number(m[2]) };
}

/**
 * A broken input file, run through a command: exit 2, nothing on stdout, a Danish message at the
 * expected file:line:column, no stack trace, and the file left exactly as it was. Returns the run.
 */
export function expectInputError(command: string, file: string, message: RegExp, position = expectedPosition(file)): Run {
  const before = sha(file);
  const run = cli([command, file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`${file}:${position.line}:${position.column}: `);
  expect(run.stderr).toMatch(message);
  expect(hasStackTrace(run.stderr)).toBe(false);
  expect(sha(file)).toBe(before);
  return run;
}
