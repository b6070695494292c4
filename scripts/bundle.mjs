// Build step: fold the CLI and its dependencies into bundle/ (one file plus lazily loaded chunks).
// Node resolves and compiles one large file much faster than the hundreds of small modules it is
// made from; ajv stays outside, as it is only loaded for a consultant's own checklists.
import { build } from 'esbuild';

await build({
  entryPoints: { kvalitetstjek: 'dist/run.js' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'bundle',
  outExtension: { '.js': '.mjs' },
  external: ['ajv', 'ajv-formats', 'ajv/*', '../generated/*'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  minify: true,
  logLevel: 'warning',
});
