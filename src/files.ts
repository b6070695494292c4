// Turning the command line's paths, folders and glob patterns into the list of files to audit.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** Never walked into: they hold other projects' YAML, and .git holds old copies of the user's own. */
const SKIPPED = ['**/node_modules/**', '**/.git/**'];

/**
 * Files in the order given; a folder means its *.yaml and *.yml files; a pattern is expanded.
 * Walks do not follow symbolic links (a link to a parent folder would never end), and a file named
 * twice, by any spelling, is audited once, under the first name the user gave.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  // The glob library is loaded only when a folder or a pattern is given.
  const plain = inputs.every((i) => !/[*?[\]{}]/.test(i) && !isDirectory(i));
  if (plain) return uniqueFiles(inputs);
  const { globSync, isDynamicPattern } = await import('tinyglobby');
  const walk = { followSymbolicLinks: false, ignore: SKIPPED } as const;
  const out: string[] = [];
  for (const input of inputs) {
    if (isDirectory(input)) out.push(...globSync(['**/*.yaml', '**/*.yml'], { ...walk, cwd: input }).sort().map((f) => `${input.replace(/\/$/, '')}/${f}`));
    else if (isDynamicPattern(input)) out.push(...globSync(input, { ...walk, absolute: isAbsolute(input) }).sort());
    else out.push(input); // a missing file is reported by the loader, with its name
  }
  return uniqueFiles(out);
}

/** The first spelling of each file; a name that cannot be resolved (missing) stands for itself. */
function uniqueFiles(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = realPathOf(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
