import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

// scripts/run-tests.mjs fails a run that reads outside the repository on what this audit records;
// if it missed a way of reading, or child processes, such reads would pass unnoticed.
test('the file-access audit records reads outside the allowed folders, every way and in child processes, and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fs-audit-'));
  const allowed = join(dir, 'allowed');
  const outside = join(dir, 'outside');
  mkdirSync(allowed);
  mkdirSync(join(outside, 'folder'), { recursive: true });
  for (const name of ['sync', 'promise', 'stream', 'child']) writeFileSync(join(outside, name), name);
  writeFileSync(join(allowed, 'inside'), 'inside');
  const script = join(allowed, 'read.mjs');
  writeFileSync(
    script,
    `import { createReadStream, readdirSync, readFileSync } from 'node:fs';
     import { readFile } from 'node:fs/promises';
     import { spawnSync } from 'node:child_process';
     const p = (name) => ${JSON.stringify(outside)} + '/' + name;
     readFileSync(${JSON.stringify(join(allowed, 'inside'))});
     readFileSync(p('sync'));
     await readFile(p('promise'));
     readdirSync(p('folder'));
     for await (const _ of createReadStream(p('stream')));
     spawnSync(process.execPath, ['-e', 'require("fs").readFileSync(process.argv[1])', p('child')], { stdio: 'inherit' });
    `,
  );
  const log = join(dir, 'audit.log');
  const env = {
    ...process.env,
    NODE_OPTIONS: `--import=${pathToFileURL(join(__dirname, 'support', 'fs-audit.mjs'))}`,
    STRATLINT_FS_AUDIT: log,
    STRATLINT_FS_AUDIT_ALLOW: allowed,
  };
  try {
    const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const read = new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t')[0]));
    assert.deepEqual([...read].sort(), ['child', 'folder', 'promise', 'stream', 'sync'].map((name) => join(outside, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
