// `kvalitetstjek init`: a skeleton with every section of the format, generated from the schema so
// the two never drift. Sections are commented out until filled in: an empty section would count as
// present, and a skeleton must not pass an audit.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SKELETON } from './messages.js';
import { packageRoot, standardSchema } from './schema.js';
import type { JsonSchema } from './schema.js';

/** The example `init --eksempel` writes: Helsingør's standard, shipped in the package. */
export const EXAMPLE = 'fixtures/helsingoer-rusmiddelbehandling.yaml';

/**
 * The editor's schema line for a standard written to `file`: the path from the file's folder to this
 * package's schema, which yaml-language-server (VS Code's YAML extension and others) resolves
 * against the file's folder (or as an absolute path), offline.
 */
export function schemaLine(file: string): string {
  const schema = fileURLToPath(new URL('schemas/kvalitetsstandard.schema.json', packageRoot));
  const from = dirname(resolve(file));
  const path = relative(from, schema);
  // Climbing to the file system's root (npx's cache, another drive) is no shorter than the absolute
  // path, and breaks when the file moves: write the absolute one then.
  const depth = from.split(sep).filter(Boolean).length;
  const ups = path.split(sep).filter((p) => p === '..').length;
  return `# yaml-language-server: $schema=${(isAbsolute(path) || ups >= depth ? schema : path).split(sep).join('/')}`;
}

/** Helsingør's standard with the schema line for where it is written. */
export function example(file: string): string {
  const text = readFileSync(new URL(EXAMPLE, packageRoot), 'utf8');
  return text.replace(/^# yaml-language-server: \$schema=.*/, schemaLine(file));
}

/** The offer types the schema allows, for the template's comment (so it cannot leave one out). */
function offerTypes(schema: JsonSchema): string {
  const definitions = schema.definitions as { tilbud: { properties: { type: { enum: string[] } } } };
  return definitions.tilbud.properties.type.enum.join(', ');
}

const SKIP = new Set(['kommune', 'titel', 'erklæringer']);

/** The skeleton to be written to `file` (the schema line's path depends on where). */
export function skeleton(file = 'kvalitetsstandard.yaml'): string {
  const schema = standardSchema();
  const props = schema.properties as Record<string, JsonSchema>;
  const types = offerTypes(schema);
  const out = [schemaLine(file), ...SKELETON.header, ''];
  for (const [key, def] of Object.entries(props)) {
    if (SKIP.has(key)) continue;
    const description = typeof def.description === 'string' ? def.description : '';
    if (description) out.push(`# ${description}`);
    const body = SKELETON.examples[key];
    const isSection = def.$ref === '#/definitions/afsnit';
    if (body) out.push(`# ${key}:`, ...body.map((l) => `# ${l.replace('{typer}', types)}`));
    else if (isSection) out.push(`# ${key}:`, '#   tekst: |-', '#     …');
    else out.push(`# ${key}: ${SKELETON.values[key] ?? '…'}`);
    out.push('');
  }
  out.push(...SKELETON.footer, '');
  return out.join('\n');
}
