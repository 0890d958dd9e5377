// Bundles the CLI, the language server and the VS Code extension with esbuild (one file each,
// no node_modules needed at run time: that keeps the VSIX small and installs fast).
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { builtinData } from './builtin-data.mjs';
import { webBuilds } from './build-web.mjs';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/server/main.ts',
  // the language server lints large documents on a worker thread running this
  'lint-worker': 'server/src/server/lintWorkerMain.ts',
  extension: 'client/src/extension.ts',
};
// Also writes dist/programs.bin, the built-in patterns' compiled programs.
const builtinJson = await builtinData();

await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // Some ESM dependencies read import.meta.url; give them the bundle's own URL.
  define: { 'import.meta.url': 'importMetaUrl', STRATLINT_VERSION: JSON.stringify(version), STRATLINT_BUILTIN_DATA: JSON.stringify(builtinJson) },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  logLevel: 'warning',
});

// VS Code for the web: the extension and its language server for a browser (see build-web.mjs).
await Promise.all(webBuilds(root, version, builtinJson).map((options) => build(options)));

// esbuild escapes non-ASCII characters in strings but not in regular expression literals and kept
// comments, and one such character makes V8 hold the whole 2 MB source as two bytes a character.
// As \uXXXX (one per UTF-16 unit, which means the same in a string, a template, a comment and a
// regular expression with or without the u flag), a bundle reads, hashes and compiles faster at
// every start (about 9 ms of the server's) and holds 2.4 MB less. Columns after such a character
// shift in the source maps: 41 lines of 60,000.
for (const file of [...Object.keys(entries).map((name) => `dist/${name}.js`), 'dist/web/server.js', 'dist/web/extension.js']) {
  const text = readFileSync(`${root}${file}`, 'utf8');
  writeFileSync(`${root}${file}`, text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// The config file's JSON Schema, generated from the zod schemas.
await import('./gen-schema.mjs');
