// Bundles the CLI, the language server and the VS Code extension with esbuild (one file each,
// no node_modules needed at run time: that keeps the VSIX small and installs fast).
import { readFileSync } from 'node:fs';
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

// The config file's JSON Schema, generated from the zod schemas.
await import('./gen-schema.mjs');
