// `npm run package [-- --out FILE] [--no-build] [--ls]`: builds the bundles and packs the VS Code
// extension (.vsix) with vsce; --ls lists what it would pack instead (vsce ls). Everything runs
// from dist/*.js bundles, so no node_modules go into the package. --no-build packs the bundles as
// they are (the tests run after `npm run build`; rebuilding would rewrite dist/ under tests
// running beside them).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * What the VSIX holds: the bundled extension, server and lint worker (and the web builds of the
 * extension and server, for VS Code for the web), the rule data and pages, the grammar and the
 * config schema the extension contributes. package.json's own `files` is the npm
 * package's list (the CLI, no extension), and vsce refuses a .vscodeignore beside it, so the VSIX
 * is packed from a staging folder whose package.json lists these instead.
 */
const VSIX_FILES = ['README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/server.js', 'dist/lint-worker.js', 'dist/programs.bin', 'dist/web/extension.js', 'dist/web/server.js', 'rules', 'syntaxes/stratlint-markdown.injection.tmLanguage.json', 'syntaxes/stratlint-config.schema.json'];

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-build': { type: 'boolean', default: false }, ls: { type: 'boolean', default: false } } });
const out = resolve(values.out ?? join(root, `${manifest.name}-${manifest.version}.vsix`));
// The Marketplace shows the README away from the repository: its relative links go to this version's tag.
const home = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!values['no-build']) run(process.execPath, [join(root, 'scripts', 'build.mjs')], root);
const stage = mkdtempSync(join(tmpdir(), 'stratlint-vsix-'));
try {
  for (const f of VSIX_FILES) cpSync(join(root, f), join(stage, f), { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ ...manifest, files: VSIX_FILES }, null, 2));
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const urls = ['--baseContentUrl', `${home}/blob/v${manifest.version}`, '--baseImagesUrl', `${home}/raw/v${manifest.version}`];
  // --no-dependencies: bundled, nothing to collect from node_modules.
  if (values.ls) run(process.execPath, [vsce, 'ls', '--no-dependencies'], stage);
  else run(process.execPath, [vsce, 'package', '--no-dependencies', ...urls, '--out', out], stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
