// Writes syntaxes/stratlint-config.schema.json and stratlint-pack.schema.json from the zod schemas
// the loader validates with (server/src/engine/config/json-schema.ts), so that what editors complete
// and check in configs and packs cannot drift from what Stratlint accepts. Run by build.mjs.
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
  const { generatedSchemas } = createRequire(import.meta.url)(bundle);
  for (const [name, schema] of Object.entries(generatedSchemas())) {
    const out = `${root}syntaxes/${name}`;
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    let old = '';
    try {
      old = readFileSync(out, 'utf8');
    } catch {
      // first build
    }
    if (text !== old) writeFileSync(out, text);
  }
} finally {
  rmSync(bundle, { force: true });
}
