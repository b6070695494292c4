// Writing files: all of a command's files or none of them, never over an input, never through a
// name another user could have planted.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

export interface Output {
  /** The name as the user gave it: errors and messages show this. */
  file: string;
  /** Text (written as UTF-8) or bytes (a PDF). */
  content: string | Uint8Array;
  /** Added to the end of the file (made if missing) instead of replacing it: $GITHUB_STEP_SUMMARY. */
  append?: boolean;
}

/** Where and how one output goes: atomically into a regular file, or straight into a device or pipe. */
type Plan = { output: Output; kind: 'replace'; target: string; mode: number; tmp?: string } | { output: Output; kind: 'direct'; target: string };

const cannotWrite = (file: string, err: unknown) =>
  new InputError(file, undefined, 'usage.cannotWrite', { code: (err as NodeJS.ErrnoException).code ?? String(err) });

/** The file's status through symlinks, or undefined when the name is free. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** A name's real path: symlinks resolved, also when the last part does not exist yet. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** The permissions a new file gets from the user's umask (the temporary file itself is 0600). */
function defaultMode(): number {
  return 0o666 & ~process.umask();
}

function plan(output: Output, inputs: ReadonlySet<string>, exclusive: boolean): Plan {
  const { file } = output;
  try {
    if (exclusive && lstatOrNothing(file)) throw new InputError(file, undefined, 'usage.initExists');
    const st = statOrNothing(file);
    if (st && st.isDirectory()) throw new InputError(file, undefined, 'usage.cannotWrite', { code: 'EISDIR' });
    // A device, a pipe or a terminal (/dev/null, /dev/stdout) is written to, never replaced.
    if (st && !st.isFile()) return { output, kind: 'direct', target: file };
    if (!st && lstatOrNothing(file)) throw new InputError(file, undefined, 'usage.cannotWrite', { code: 'DANGLING_LINK' });
    // Through a symlink, the file replaced is the one the link points at, and the link stays.
    const target = st ? realpathSync(file) : join(realpathSync(dirname(resolve(file))), basename(file));
    if (inputs.has(target)) throw new InputError(file, undefined, 'usage.sameAsInput');
    return { output, kind: 'replace', target, mode: st ? st.mode & 0o777 : defaultMode() };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw cannotWrite(file, err);
  }
}

function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Every byte, also where the system takes a write in parts (a pipe, a device). */
function writeFully(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/** Straight into a device or a pipe: opened for writing, never created or replaced. */
function writeDirect(target: string, content: string | Uint8Array, append = false): void {
  const fd = openSync(target, append ? 'a' : 'w');
  try {
    writeFully(fd, content);
  } finally {
    closeSync(fd);
  }
}

function readExisting(target: string): string {
  try {
    return readFileSync(target, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** A new file beside the target, with a name no one can guess, created only if it does not exist. */
function writeTemporary(p: Extract<Plan, { kind: 'replace' }>): void {
  const tmp = join(dirname(p.target), `.${basename(p.target)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  p.tmp = tmp;
  try {
    // Appending copies what is there into the temporary file first: still all or nothing.
    if (p.output.append) writeFully(fd, readExisting(p.target));
    writeFully(fd, p.output.content);
    fchmodSync(fd, p.mode);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write every output, or none: each regular file is written to a temporary file first, and the
 * temporary files are renamed into place only when all of them were written. A device or pipe is
 * written to directly (after the temporary files, before the renames). A name that is, or links
 * to, one of the inputs is refused before anything is written. With `exclusive`, an existing file
 * is never replaced (init).
 */
export function writeOutputs(outputs: readonly Output[], inputs: readonly string[], exclusive = false): void {
  const inputPaths = new Set(inputs.map(realPath));
  const plans = outputs.map((o) => plan(o, inputPaths, exclusive));
  const replaced = plans.filter((p): p is Extract<Plan, { kind: 'replace' }> => p.kind === 'replace');
  const placeholders = new Set<string>();
  let current: Plan | undefined;
  try {
    for (const p of replaced) {
      current = p;
      if (exclusive) {
        // 'wx' fails if the name was taken meanwhile: init never overwrites.
        closeSync(openSync(p.target, 'wx', 0o600));
        placeholders.add(p.target);
      }
      writeTemporary(p);
    }
    for (const p of plans) {
      current = p;
      if (p.kind === 'direct') writeDirect(p.target, p.output.content, p.output.append);
    }
    for (const p of replaced) {
      current = p;
      renameSync(p.tmp as string, p.target);
      p.tmp = undefined;
      placeholders.delete(p.target);
    }
  } catch (err) {
    for (const p of replaced) if (p.tmp) rmSync(p.tmp, { force: true });
    for (const file of placeholders) rmSync(file, { force: true });
    const file = current?.output.file ?? '';
    if (exclusive && (err as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(file, undefined, 'usage.initExists');
    throw cannotWrite(file, err);
  }
}
