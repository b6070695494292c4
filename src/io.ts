// Writing files: whole or not at all, never over an input.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

/** Write via a temporary file in the same folder and rename it into place (atomic on one file system). */
export function writeWhole(file: string, content: string, inputs: readonly string[], exclusive = false): void {
  const target = resolve(file);
  if (inputs.some((i) => resolve(i) === target)) throw new InputError(file, undefined, 'usage.sameAsInput');
  if (exclusive) {
    // 'wx' fails if the file exists: init never overwrites.
    let fd: number;
    try {
      fd = openSync(target, 'wx');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new InputError(file, undefined, 'usage.initExists');
      throw new InputError(file, undefined, 'usage.outputExists', { reason: code ?? String(err) });
    }
    closeSync(fd);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (exclusive) rmSync(target, { force: true });
    throw new InputError(file, undefined, 'usage.outputExists', { reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}
