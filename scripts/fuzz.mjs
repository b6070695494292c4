// npm run fuzz: the long fuzz run (issue 11) against the built dist/. The generators and checks are
// the TypeScript modules of test/fuzz/, bundled here with esbuild (their packages stay external).
// Usage: node scripts/fuzz.mjs [--seed N] [--factor F] [--shrink-seconds S]
//   factor 1 = 10,200 inputs; the seed is fixed unless given; S is the time for shrinking (90 s).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js mangler: kør npm run build først.');
  process.exit(2);
}
// Inside the project, so the bundles resolve fast-check, ajv, yaml and marked from node_modules.
const out = join(root, 'node_modules', '.cache', 'kvalitetstjek-fuzz');
await build({
  entryPoints: [join(root, 'test/fuzz/long.ts'), join(root, 'test/fuzz/worker.ts')],
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { runLong } = await import(pathToFileURL(join(out, 'long.js')).href);
process.exitCode = await runLong({
  root,
  workerUrl: pathToFileURL(join(out, 'worker.js')),
  cliUrl: pathToFileURL(cli).href,
  seed: arg('--seed', 20261122),
  factor: arg('--factor', 1),
  shrinkSeconds: arg('--shrink-seconds', 90),
});
