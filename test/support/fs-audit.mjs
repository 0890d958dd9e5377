// Records every file or folder that Node code of a test run reads outside the places a test may
// read, so that scripts/run-tests.mjs can fail the run: a test that reads the developer's machine
// (another checkout, ~/.cache, a leftover in /tmp) passes there and fails in a fresh clone.
//
// scripts/run-tests.mjs loads it with NODE_OPTIONS=--import, so it runs in the test processes and
// in every Node process they start: the CLI and its workers, the language servers, the VS Code
// server (Node 24). It sees what those read through node:fs, including the modules Node loads;
// it does not see non-Node programs (Chromium, Neovim) or native code (libc reading /etc/hosts).
// STRATLINT_FS_AUDIT names the log to append to; STRATLINT_FS_AUDIT_ALLOW, the folders a test
// may read, joined with the path delimiter. Without them it does nothing.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { delimiter, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = process.env.STRATLINT_FS_AUDIT;
const allowed = (process.env.STRATLINT_FS_AUDIT_ALLOW ?? '').split(delimiter).filter(Boolean);
const inside = (p) => allowed.some((dir) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep));
const appendFileSync = fs.appendFileSync;

/** The path a call names: a string, Buffer or file: URL; undefined for a file descriptor. */
function pathOf(arg) {
  if (typeof arg === 'string') return resolve(arg);
  if (Buffer.isBuffer(arg)) return resolve(arg.toString());
  if (arg instanceof URL && arg.protocol === 'file:') return fileURLToPath(arg);
  return undefined;
}

/** Who read: the innermost test-source frame (else the innermost caller), and the process's script. */
function reader() {
  const frames = new Error().stack.split('\n').slice(1).map((f) => f.trim().replace(/^at /, '')).filter((f) => !f.includes('fs-audit.mjs') && !f.includes('node:'));
  const at = frames.find((f) => f.includes(`${sep}test${sep}`)) ?? frames[0] ?? '?';
  return `${at} in ${process.argv[1] ?? process.execPath}`;
}

function check(arg) {
  const p = pathOf(arg);
  if (p !== undefined && !inside(p)) appendFileSync(log, `${p}\t${reader()}\n`);
}

let depth = 0;
/** Wraps `obj[name]` so that its first argument (and, for copies, only that: the source) is checked. */
function watch(obj, names) {
  for (const name of names) {
    const original = obj[name];
    if (typeof original !== 'function') continue;
    obj[name] = function (...args) {
      if (depth > 0) return original.apply(this, args); // readFileSync opens with openSync: one read
      check(args[0]);
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
    Object.defineProperty(obj[name], 'name', { value: name });
  }
}

if (log) {
  // Reading a file, opening one, listing a folder or copying from one; stat and exists are left
  // out: looking for a config file in every parent folder is what the linter is meant to do.
  const reads = ['readFile', 'readdir', 'open', 'opendir', 'copyFile', 'cp', 'readlink'];
  watch(fs, [...reads, ...reads.map((n) => `${n}Sync`), 'createReadStream']);
  watch(fs.promises, reads);
  syncBuiltinESMExports();
}
