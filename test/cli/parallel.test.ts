import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusFiles, projectDocs, skipWithoutCorpus } from '../support/markdown-data';
import { ROOT, run, tree, write } from './helpers';

/** The bundled CLI, which lints many files on worker threads (from sources, tests lint them in-process). */
function bin(args: string[], cwd: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/stratlint.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1' } });
}

describe('CLI on many files (worker threads)', () => {
  // The project's documents and, where it is there, the shared corpus, opted in as plans (numbered:
  // rule pages share a name), plus a folder that is not a plan.
  // Copies of them until the run is big enough to start workers (under 1 MB in all it lints on one thread).
  const files: Record<string, string> = { 'notes/readme.md': '# Notes\n\nNot a plan.\n' };
  const docs = [...projectDocs, ...corpusFiles];
  let bytes = 0;
  for (let copy = 0; bytes < 1_200_000; copy++) {
    docs.forEach((f, i) => {
      const text = `---\nstratlint: true\n---\n${readFileSync(f, 'utf8')}`;
      files[`plans/${copy}-${String(i).padStart(3, '0')}-${basename(f)}`] = text;
      bytes += Buffer.byteLength(text);
    });
  }
  const dir = tree(files);
  skipWithoutCorpus('lints the shared corpus too');

  it('reports exactly what the single-threaded run reports, in the same order', async () => {
    const inProcess = await run(['--no-config', '--format', 'json', '.'], dir);
    const parallel = bin(['--no-config', '--format', 'json', '.'], dir);
    assert.equal(parallel.stderr, inProcess.stderr);
    assert.equal(parallel.status, inProcess.code);
    assert.ok(Object.keys(files).length >= 9 && bytes >= 1_000_000, 'enough files and bytes for the workers');
    assert.equal(parallel.stdout, inProcess.stdout);
    assert.ok((JSON.parse(parallel.stdout) as unknown[]).length > 0);
  });

  it('stops with exit code 2 and the file named when a worker meets a binary file or a broken config', () => {
    const broken = tree(files);
    write(broken, { 'plans/zz-image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    const r = bin(['--no-config', '.'], broken);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stratlint: plans/zz-image.md: not a text file (it contains NUL bytes)\n');
    write(broken, { 'plans/zz-image.md': '# ok\n', 'plans/.stratlint.yaml': 'rules:\n  no-such-rule: error\n' });
    const c = bin(['.'], broken);
    assert.equal(c.status, 2);
    assert.match(c.stderr, /^stratlint: .*no-such-rule/);
  });
});
