// Reading a standard's earlier versions from git. Every argument from the user is checked before it
// reaches git, so a revision can never be read as an option.
import { createRequire } from 'node:module';
import type { SpawnSyncReturns } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from './errors.js';

/** child_process, loaded only when git is asked. */
const childProcess = () => createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');

/** A standard read from git is a text file; this bounds what git may hand back. */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Run git in the file's folder; a git that cannot be started is the user's setup, said in Danish. */
function run(file: string, args: readonly string[]): SpawnSyncReturns<string> {
  const r = childProcess().spawnSync('git', ['-C', dirname(resolve(file)), ...args], {
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT,
    // git's own messages untranslated, so the cases below can be told apart whatever the user's language.
    env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C' },
  });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOBUFS') throw new InputError(file, undefined, 'git.tooLarge', { mb: MAX_OUTPUT / 1024 / 1024 });
  // Not found (ENOENT), a PATH that is not a folder (ENOTDIR), not executable (EACCES): no git to run.
  if (r.error) throw new InputError('', undefined, 'git.missing');
  return r;
}

const notRepository = (r: SpawnSyncReturns<string>) => r.status === 128 && /not a git repository/i.test(r.stderr);
const firstLine = (r: SpawnSyncReturns<string>) => (r.stderr || r.error?.message || '').trim().split('\n')[0] ?? '';

/** The commit a revision names, as a full hash; an empty, unknown or option-like revision is an error. */
export function resolveRevision(file: string, rev: string): string {
  if (rev.trim() === '') throw new InputError('', undefined, 'git.emptyRevision');
  const r = run(file, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (notRepository(r)) throw new InputError(file, undefined, 'git.notRepository');
  const hash = r.stdout.trim();
  if (r.status !== 0 || !/^[0-9a-f]{40,64}$/.test(hash)) throw new InputError(file, undefined, 'git.unknownRevision', { rev });
  return hash;
}

/** The commits that changed a file, oldest first, labelled by date and short hash. */
export function gitRevisions(file: string, max: number): { rev: string; label: string }[] {
  const r = run(file, ['log', `-n${max}`, '--format=%H %h %cs', '--', basename(file)]);
  if (notRepository(r)) throw new InputError(file, undefined, 'git.notRepository');
  if (r.status !== 0 && /does not have any commits/.test(r.stderr)) throw new InputError(file, undefined, 'git.noHistory');
  if (r.status !== 0) throw new InputError(file, undefined, 'usage.gitFailed', { rev: 'log', detail: firstLine(r) });
  const revisions = r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [rev, short, date] = l.split(' ') as [string, string, string];
      return { rev, label: `${date} (${short})` };
    })
    .reverse();
  if (revisions.length === 0) throw new InputError(file, undefined, 'git.noHistory');
  return revisions;
}

/** The file's text at a revision (a name or a hash), or null when the file did not exist there. */
export function gitShowIfPresent(file: string, rev: string): string | null {
  const hash = resolveRevision(file, rev);
  const r = run(file, ['cat-file', 'blob', `${hash}:./${basename(file)}`]);
  if (r.status === 0) return r.stdout;
  if (r.status === 128 && !r.error) return null;
  throw new InputError(file, undefined, 'usage.gitFailed', { rev, detail: firstLine(r) });
}

/** The file's text at a revision; a file absent there is an error. */
export function gitShow(file: string, rev: string): string {
  const text = gitShowIfPresent(file, rev);
  if (text === null) throw new InputError(file, undefined, 'git.notInRevision', { rev });
  return text;
}
