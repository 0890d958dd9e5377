// The built-in rule data (rules/terms.yaml and rules/<id>/rule.yaml), read and validated with the
// loader's own schema, as one JSON text for the bundles to embed: at run time they parse JSON
// instead of YAML and skip validation, which was a third of a one-plan run.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

export async function builtinDataJson() {
  // Bundled into dist/ so that it finds rules/ above itself, as the bundles do.
  const bundle = `${root}dist/builtin-data.cjs`;
  await build({
    absWorkingDir: root,
    stdin: { contents: "export { readBuiltinData } from './server/src/engine/rules/builtin';", resolveDir: root, loader: 'ts' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  try {
    return JSON.stringify(createRequire(import.meta.url)(bundle).readBuiltinData());
  } finally {
    rmSync(bundle, { force: true });
  }
}
