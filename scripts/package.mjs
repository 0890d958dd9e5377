// `npm run package [-- --out FILE]`: builds the bundles and packs the VS Code extension (.vsix)
// with vsce. Everything runs from dist/*.js bundles, so no node_modules go into the package.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(root, `${name}-${version}.vsix`);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
run(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies', // bundled: nothing to collect from node_modules
  '--allow-missing-repository',
  '--no-rewrite-relative-links', // no repository URL to point README links at; they stay relative
  '--out',
  out,
]);
