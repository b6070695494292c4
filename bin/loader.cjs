// Loads the bundled CLI (bundle/kvalitetstjek.cjs) with V8's code cache, so a start skips most
// parsing and lazy compilation (Node 22 can keep such a cache itself, module.enableCompileCache; on
// Node 20 this does the same by hand). A code cache only fits the exact Node version that made it,
// so none ships in the package: the first run on a machine writes one to the user's cache directory
// (KVALITETSTJEK_CACHE_DIR, else $XDG_CACHE_HOME/kvalitetstjek, else ~/.cache/kvalitetstjek; an
// empty KVALITETSTJEK_CACHE_DIR turns it off), named by the bundle's build id, the Node version and
// the CPU, and later runs use it. The directory can be deleted at any time. Failing to read or write
// it only costs speed. CommonJS, like the entry point: Node starts CommonJS faster.
'use strict';
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { join } = require('node:path');
const vm = require('node:vm');

const root = join(__dirname, '..');
const bundlePath = join(root, 'bundle', 'kvalitetstjek.cjs');

/** The bundle's first line names its build: a hash of the rest, written by scripts/bundle.mjs. */
function buildId(source) {
  const m = /^\/\/ kvalitetstjek-build ([0-9a-f]+)\n/.exec(source);
  return m ? m[1] : undefined;
}

function cacheDir() {
  const own = process.env.KVALITETSTJEK_CACHE_DIR;
  if (own !== undefined) return own || undefined;
  try {
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kvalitetstjek');
  } catch {
    return undefined; // no home directory: run without a cache
  }
}

/** Where the code cache for this bundle on this Node version lives (undefined: no cache). */
function cacheFile(source) {
  const id = buildId(source);
  const dir = cacheDir();
  return id && dir ? join(dir, `${id}-${process.version}-${process.arch}.cache`) : undefined;
}

/** Save the code compiled so far (call after a run: the cache holds what has been compiled). */
function writeCache(file, script) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    renameSync(tmp, file); // whole or not at all, when runs start at the same time
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * Returns the bundle's exports ({ main }), its script, and saveCache(): writes the code cache when
 * there was none (or V8 refused it), a no-op otherwise.
 */
function loadBundle({ useCache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  const file = useCache ? cacheFile(source) : undefined;
  let cachedData;
  try {
    if (file) cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, join(root, 'bundle'));
  const stale = file !== undefined && (cachedData === undefined || script.cachedDataRejected);
  return { exports: module.exports, script, saveCache: () => stale && writeCache(file, script) };
}

module.exports = { loadBundle, bundlePath, buildId, cacheFile, writeCache };
