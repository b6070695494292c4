// Turning the command line's paths, folders and glob patterns into the list of files to audit.
import { statSync } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** Files in the order given; a folder means its *.yaml and *.yml files; a pattern is expanded. */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let dir = false;
    try {
      dir = statSync(input).isDirectory();
    } catch {
      dir = false;
    }
    if (dir) out.push(...globSync(['**/*.yaml', '**/*.yml'], { cwd: input, absolute: false }).sort().map((f) => `${input.replace(/\/$/, '')}/${f}`));
    else if (isDynamicPattern(input)) out.push(...globSync(input).sort());
    else out.push(input); // a missing file is reported by the loader, with its name
  }
  return [...new Set(out)];
}
