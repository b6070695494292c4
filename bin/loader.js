// Loads the bundled CLI (bundle/kvalitetstjek.cjs) with V8's code cache (generated/kvalitetstjek.cache).
// Node 22 can keep such a cache itself (module.enableCompileCache); on Node 20 this does the same by
// hand: the build runs the CLI once on a fixture and saves the compiled code, so a later start skips
// most parsing and lazy compilation. A cache from another Node version is rejected by V8 and the
// bundle simply compiles as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const root = new URL('../', import.meta.url);
const bundlePath = new URL('bundle/kvalitetstjek.cjs', root);
export const cachePath = new URL('generated/kvalitetstjek.cache', root);

/** Returns the bundle's exports ({ main }) and its script, from which a fresh cache can be made. */
export function loadBundle({ useCache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
  }
  const filename = bundlePath.pathname;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, filename, new URL('.', bundlePath).pathname);
  return { exports: module.exports, script };
}
