// Build step: fold the CLI and its dependencies (and the precompiled validators) into one CommonJS
// file, bundle/kvalitetstjek.cjs, then warm it up on the fixtures and save V8's code cache for it.
// ajv stays outside: it is only loaded to compile a consultant's own checklists.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { cachePath, loadBundle } from '../bin/loader.js';

await build({
  entryPoints: ['dist/cli.js'],
  outfile: 'bundle/kvalitetstjek.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  external: ['ajv', 'ajv-formats'],
  define: { 'import.meta.url': '__kvalitetstjekUrl' },
  banner: { js: 'var __kvalitetstjekUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});

// Warm-up: the code cache holds what has been compiled when it is made, so run the usual commands.
const { exports, script } = loadBundle({ useCache: false });
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 100, env: {}, today: () => '2026-01-01' };
const fixture = 'fixtures/helsingoer-rusmiddelbehandling.yaml';
for (const format of ['terminal', 'json', 'markdown']) await exports.main(['audit', fixture, '-f', format], quiet);
await exports.main(['validate', fixture], quiet);
await exports.main(['validate', 'fixtures/fejl/ukendt-noegle.yaml'], quiet);
await exports.main(['checklist', 'list', '-f', 'json'], quiet);
writeFileSync(cachePath, script.createCachedData());
