'use strict';
// Loads a bundle with V8's code cache kept on disk, so that a short run (one plan in a pre-commit
// hook) does not compile the 2 MB bundle again each time: about a tenth of such a run. Node 22.1+
// does this itself (module.enableCompileCache); on Node 20 the cache is written here, per user,
// beside Node's own (os.tmpdir()). V8 checks that a cache fits the source and the Node version and
// ignores one that does not; any failure here only means loading without a cache.
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

module.exports = function requireWithCodeCache(file) {
  tierUpLater();
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return require(file);
  }
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  let source;
  let cacheFile;
  try {
    const bytes = readFileSync(file);
    // The build makes the bundles ASCII: read so, without decoding UTF-8, the source is ready in half the time.
    source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    cacheFile = join(ownCacheDir(), createHash('sha256').update(process.version).update(bytes).digest('hex').slice(0, 32));
  } catch {
    return require(file);
  }
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // not cached yet
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  // Made at exit, the cache also holds the functions the run compiled lazily. V8 rejects a cache
  // made under other flags than the next start's: code that changes V8's flags as it runs (the
  // language server) first calls this to save the cache now, made under the flags it started with.
  let pending = !cachedData || script.cachedDataRejected;
  const saveNow = () => {
    if (!pending) return;
    pending = false;
    save(cacheFile, script);
  };
  globalThis[Symbol.for('stratlint.saveCodeCache')] = saveNow;
  if (pending) process.once('exit', saveNow);
  return mod.exports;
};

/**
 * V8 optimises a function once it has run about 66 KB of its bytecode (--interrupt-budget). Most of
 * a Stratlint run is short (a plan, a folder of plans, a first lint in the editor), and optimising
 * at that point compiled functions that ran a few more times, or were thrown away again: at four
 * times the budget the shared corpus took about a fifth less CPU time, one plan a tenth less, and
 * 200 plans and a 5 MB plan no more. Set before the bundle compiles: V8's code cache records the
 * flags it was made with, and every run sets the same. The language server returns to the default
 * once its first lint is done (server/src/server/v8-flags.ts): edits of a long plan, linted again
 * and again, came out slower with it.
 */
function tierUpLater() {
  // Measured on Node 20 (V8 11), whose default is 67,584; later V8s tier up differently.
  if (!process.versions.v8.startsWith('11.')) return;
  try {
    require('node:v8').setFlagsFromString('--interrupt-budget=270336');
  } catch {
    // only a speed-up
  }
}

/** A folder only this user can write: another user's cache is never run. */
function ownCacheDir() {
  const dir = join(tmpdir(), `stratlint-code-cache-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o022) !== 0) throw new Error('cache folder not our own');
  return dir;
}

function save(cacheFile, script) {
  try {
    // Written beside, then renamed: a run starting meanwhile never reads half a cache.
    const part = `${cacheFile}.${process.pid}`;
    writeFileSync(part, script.createCachedData(), { mode: 0o600 });
    renameSync(part, cacheFile);
  } catch {
    // a cache is only a speed-up
  }
}
