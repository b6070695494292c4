// Loads the bundled CLI (bundle/kvalitetstjek.cjs) with V8's code cache (generated/kvalitetstjek.cache).
// Node 22 can keep such a cache itself (module.enableCompileCache); on Node 20 this does the same by
// hand: the build runs the CLI once on a fixture and saves the compiled code, so a later start skips
// most parsing and lazy compilation. A cache from another Node version is rejected by V8 and the
// bundle simply compiles as usual. CommonJS, like the entry point: Node starts CommonJS faster.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const root = join(__dirname, '..');
const bundlePath = join(root, 'bundle', 'kvalitetstjek.cjs');
const cachePath = join(root, 'generated', 'kvalitetstjek.cache');

/** Returns the bundle's exports ({ main }) and its script, from which a fresh cache can be made. */
function loadBundle({ useCache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, join(root, 'bundle'));
  return { exports: module.exports, script };
}

module.exports = { loadBundle, cachePath };
