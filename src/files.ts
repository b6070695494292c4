// Turning the command line's paths, folders and glob patterns into the list of files to audit.
import { statSync } from 'node:fs';

/** Files in the order given; a folder means its *.yaml and *.yml files; a pattern is expanded. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  // The glob library is loaded only when a folder or a pattern is given.
  const plain = inputs.every((i) => !/[*?[\]{}]/.test(i) && !isDirectory(i));
  if (plain) return [...new Set(inputs)];
  const { globSync, isDynamicPattern } = await import('tinyglobby');
  const out: string[] = [];
  for (const input of inputs) {
    if (isDirectory(input)) out.push(...globSync(['**/*.yaml', '**/*.yml'], { cwd: input, absolute: false }).sort().map((f) => `${input.replace(/\/$/, '')}/${f}`));
    else if (isDynamicPattern(input)) out.push(...globSync(input).sort());
    else out.push(input); // a missing file is reported by the loader, with its name
  }
  return [...new Set(out)];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
