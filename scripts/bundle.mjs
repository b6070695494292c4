// Build step: fold the CLI and its dependencies (and the precompiled validators) into one CommonJS
// file, bundle/kvalitetstjek.cjs, named by a hash of its contents on its first line, then warm it up on
// the fixtures and save V8's code cache for it in the builder's cache directory (see bin/loader.cjs).
// ajv stays outside: it is only loaded to compile a consultant's own checklists.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import loader from '../bin/loader.cjs';

const { buildId, bundlePath, cacheFile, loadBundle, writeCache } = loader;

// The previous build's cache is of no more use once the bundle changes.
let previous;
try {
  previous = cacheFile(readFileSync(bundlePath, 'utf8'));
} catch {
  previous = undefined;
}

// Commands and formats that most runs never use stay outside the bundle: their dynamic imports
// point at the compiled modules in dist/, loaded only when asked for.
// The import's readers (src/readers/) likewise: marked, cheerio, mammoth and unpdf load only with them.
const LAZY = /^\.\/(?:formatters\/)?(html|sarif|junit|github|trend|import)\.js$|^\.\/(html|sarif|junit|github|text|docx|pdf)\.js$/;
const ajvOutside = {
  name: 'ajv-outside',
  setup(b) {
    b.onResolve({ filter: /^(ajv|ajv-formats)$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// stopwords-iso is one JSON file of every language's stop words (200 kB); the CLI reads only the
// Danish list, so only that goes into the bundle.
const danishStopWordsOnly = {
  name: 'danish-stop-words-only',
  setup(b) {
    b.onLoad({ filter: /stopwords-iso[\\/]stopwords-iso\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const all = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: JSON.stringify({ da: all.da }), loader: 'json' };
    });
  },
};

const lazyOutside = {
  name: 'lazy-outside',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = new URL(args.path, `file://${args.importer}`).pathname;
      return { path: `../dist/${target.slice(target.indexOf('/dist/') + 6)}`, external: true };
    });
  },
};

// The bundled checklists' search terms, compiled now (stemmed, split into words): the entry hands
// them to the evidence engine, which would otherwise compile them all at the start of every audit.
const { loadBundledChecklists } = await import('../dist/checklist.js');
const { compileTerm } = await import('../dist/evidence.js');
const terms = [...new Set(loadBundledChecklists().flatMap((l) => l.requirements.flatMap((r) => r.terms ?? [])))].map(compileTerm);

await build({
  plugins: [ajvOutside, lazyOutside, danishStopWordsOnly],
  // The entry hands the precompiled validators (and compiled search terms) to the engine, so they
  // are part of the bundle (and of its code cache) instead of a separate file loaded at every start.
  stdin: {
    contents: [
      "import * as validators from './generated/validators.cjs'; import { providePrecompiled } from './dist/compile.js'; providePrecompiled(validators);",
      // A JSON string: parsed faster than the same data written as a JavaScript literal.
      `import { provideCompiledTerms } from './dist/evidence.js'; provideCompiledTerms(JSON.parse(${JSON.stringify(JSON.stringify(terms))}));`,
      "export { main } from './dist/cli.js';",
    ].join('\n'),
    resolveDir: '.',
    sourcefile: 'kvalitetstjek-entry.js',
    loader: 'js',
  },
  outfile: 'bundle/kvalitetstjek.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Dynamic imports of the modules left in dist/ become require() (Node 20.19+ loads ES modules
  // that way), which needs no dynamic-import hook in the code-cached script.
  supported: { 'dynamic-import': false },
  // KVALITETSTJEK_NO_MINIFY=1 keeps names readable for profiling (node --cpu-prof).
  minify: process.env.KVALITETSTJEK_NO_MINIFY ? false : true,
  // ajv itself (loaded only to compile a local checklist) stays outside; the small runtime helpers
  // the precompiled validators need (ajv/dist/runtime/*, ajv-formats' formats) are bundled.
  external: [],
  define: { 'import.meta.url': '__kvalitetstjekUrl' },
  banner: { js: 'var __kvalitetstjekUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});

// The build id: a hash of the bundle, so a code cache is only ever used with the code it was made from
// (V8 itself compares only the source's length).
const code = readFileSync(bundlePath, 'utf8');
const source = `// kvalitetstjek-build ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n${code}`;
writeFileSync(bundlePath, source);
if (!buildId(source)) throw new Error('bundle.mjs: the build id is not readable by bin/loader.cjs');

// Warm-up: the code cache holds what has been compiled when it is made, so run the usual commands.
const { exports, script } = loadBundle({ useCache: false });
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 100, env: {}, today: () => '2026-01-01' };
const fixture = 'fixtures/helsingoer-rusmiddelbehandling.yaml';
for (const format of ['terminal', 'json']) await exports.main(['audit', fixture, '-f', format], quiet);
await exports.main(['validate', 'fixtures/fejl/ukendt-noegle.yaml'], quiet);
const file = cacheFile(source);
if (previous && previous !== file) rmSync(previous, { force: true });
if (file) writeCache(file, script);
