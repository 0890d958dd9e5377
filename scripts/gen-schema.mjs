// Writes syntaxes/stratlint-config.schema.json from the zod schemas the config loader validates
// with (server/src/engine/config/json-schema.ts), so that what editors complete and check in
// .stratlint.json / .stratlint.yaml cannot drift from what Stratlint accepts. Run by build.mjs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
// Bundled into dist/ so that the built-in rules (read to list their IDs) are found above it.
const bundle = `${root}dist/gen-schema.cjs`;
await build({
  absWorkingDir: root,
  entryPoints: ['server/src/engine/config/json-schema.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
try {
  const { configJsonSchema } = createRequire(import.meta.url)(bundle);
  const out = `${root}syntaxes/stratlint-config.schema.json`;
  const text = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {
    // first build
  }
  if (text !== old) writeFileSync(out, text);
} finally {
  rmSync(bundle, { force: true });
}
