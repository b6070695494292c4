// Build step: compile the bundled schemas and checks ahead of time with ajv's standalone code, so an
// audit with the bundled checklists neither parses their YAML nor loads ajv.
// Writes generated/validators.cjs and generated/bundled.json (both ignored by git).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledChecklistPaths, loadChecklists, bundledSources } from '../dist/checklist.js';
import { createAjv } from '../dist/compile.js';
import { standardSchema } from '../dist/schema.js';
import { BUNDLED_REFERENCES, loadReferenceData, referenceSchema, referenceSources } from '../dist/reference-data.js';
import { baselineSchema } from '../dist/baseline.js';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone').default;
const root = fileURLToPath(new URL('../', import.meta.url));

// Loading validates every checklist against its schema and compiles every check once (run time ajv).
const lists = loadChecklists(bundledChecklistPaths());

const ajv = createAjv({ code: { source: true, esm: false, optimize: true } });
const exports = { standard: 'standard', references: 'references', baseline: 'baseline' };
ajv.addSchema(baselineSchema(), 'baseline');
ajv.addSchema(standardSchema(), 'standard');
ajv.addSchema(referenceSchema(), 'references');
let n = 0;
const add = (schema) => {
  if (!schema) return undefined;
  const name = `v${n++}`;
  ajv.addSchema(schema, name);
  exports[name] = name;
  return name;
};

const manifest = {
  sources: bundledSources(),
  checklists: lists.map((l) => {
    const validators = {};
    for (const r of l.requirements) {
      const names = { check: add(r.check), partial: add(r.partial), appliesIf: add(r.appliesIf) };
      if (names.check || names.partial || names.appliesIf) validators[r.id] = names;
    }
    return {
      file: relative(root, l.file),
      checklist: l.checklist,
      retningslinjer: l.retningslinjer,
      requirements: l.requirements,
      appliesIf: add(l.checklist.appliesIf),
      validators,
    };
  }),
};

mkdirSync(new URL('../generated/', import.meta.url), { recursive: true });
writeFileSync(new URL('../generated/validators.cjs', import.meta.url), standaloneCode(ajv, exports));
writeFileSync(new URL('../generated/bundled.json', import.meta.url), JSON.stringify(manifest));
// The legal reference data, validated, with what it was made from (to detect staleness).
writeFileSync(new URL('../generated/references.json', import.meta.url), JSON.stringify({ sources: referenceSources(), data: loadReferenceData(fileURLToPath(new URL(`../${BUNDLED_REFERENCES}`, import.meta.url))) }));
console.log(`kvalitetstjek: ${Object.keys(exports).length} validatorer forudkompileret fra ${lists.length} tjeklister`);
