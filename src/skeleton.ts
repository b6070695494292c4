// `kvalitetstjek init`: a skeleton with every section of the format, generated from the schema so
// the two never drift. Sections are commented out until filled in: an empty section would count as
// present, and a skeleton must not pass an audit.
import { SKELETON } from './messages.js';
import { standardSchema } from './schema.js';
import type { JsonSchema } from './schema.js';

const SCHEMA_URL = 'https://kvalitetstjek.dk/schemas/kvalitetsstandard.schema.json';

const SKIP = new Set(['kommune', 'titel', 'erklæringer']);

export function skeleton(schemaPath: string = SCHEMA_URL): string {
  const schema = standardSchema();
  const props = schema.properties as Record<string, JsonSchema>;
  const out = [`# yaml-language-server: $schema=${schemaPath}`, ...SKELETON.header, ''];
  for (const [key, def] of Object.entries(props)) {
    if (SKIP.has(key)) continue;
    const description = typeof def.description === 'string' ? def.description : '';
    if (description) out.push(`# ${description}`);
    const body = SKELETON.examples[key];
    const isSection = def.$ref === '#/definitions/afsnit';
    if (body) out.push(`# ${key}:`, ...body.map((l) => `# ${l}`));
    else if (isSection) out.push(`# ${key}:`, '#   tekst: |-', '#     …');
    else out.push(`# ${key}: ${SKELETON.values[key] ?? '…'}`);
    out.push('');
  }
  out.push(...SKELETON.footer, '');
  return out.join('\n');
}
