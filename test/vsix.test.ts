/**
 * The VSIX as vsce packs it (scripts/package.mjs, on the bundles `npm run build` made): what it
 * lists, what the file holds and its size. The real-editor tests install it (test/e2e/ui.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const RULES = readdirSync(join(ROOT, 'rules'), { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => [`rules/${e.name}/README.md`, `rules/${e.name}/rule.yaml`]);
/** The extension, its server and lint worker, their web builds, the saved patterns, the rules, the grammar and schema it contributes; nothing of the CLI. */
const EXPECTED = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/extension.js', 'dist/lint-worker.js', 'dist/programs.bin', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'package.json', 'rules/terms.yaml', ...RULES, 'syntaxes/stratlint-config.schema.json', 'syntaxes/stratlint-markdown.injection.tmLanguage.json'].sort();

function packageScript(...args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `scripts/package.mjs ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The VSIX is a zip; python3 reads it (the e2e set-up relies on it too). */
function unzip(vsix: string, script: string): string {
  const r = spawnSync('python3', ['-c', `import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); ${script}`, vsix], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('the VSIX', () => {
  it('lists only what the extension runs on (vsce ls)', () => {
    assert.deepEqual(packageScript('--ls').trim().split('\n').sort(), EXPECTED);
  });

  it('packs that list, within 5 MB, its README linking to this version on GitHub', () => {
    const vsix = join(mkdtempSync(join(tmpdir(), 'stratlint-vsix-test-')), 'stratlint.vsix');
    packageScript('--out', vsix);
    assert.ok(statSync(vsix).size <= 5 * 1024 * 1024, `${statSync(vsix).size} bytes`);
    // vsce renames the top-level README, CHANGELOG and LICENSE, and adds its manifest.
    const renamed: Record<string, string> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
    const entries = unzip(vsix, 'print("\\n".join(z.namelist()))').trim().split('\n').sort();
    assert.deepEqual(entries, ['[Content_Types].xml', 'extension.vsixmanifest', ...EXPECTED.map((f) => `extension/${renamed[f] ?? f}`)].sort());
    const readme = unzip(vsix, 'sys.stdout.write(z.read("extension/readme.md").decode())');
    assert.ok(readme.includes(`](https://github.com/stratlint/stratlint/blob/v${version}/docs/ci.md)`));
    assert.ok(readme.includes(`](https://github.com/stratlint/stratlint/raw/v${version}/docs/images/vscode-quickfix.png)`));
  });
});
