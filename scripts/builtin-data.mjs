// What the build makes of the built-in rules, with the engine's own code: their data (rules/terms.yaml
// and rules/<id>/rule.yaml) read and validated with the loader's schema, as one JSON text for the
// bundles to embed (parsing YAML was a third of a one-plan run), and their patterns' compiled
// programs (dist/programs.bin; compiling was most of the rest).
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

export async function builtinData() {
  // Bundled into dist/ so that it finds rules/ above itself, as the bundles do.
  const bundle = `${root}dist/builtin-data.cjs`;
  await build({
    absWorkingDir: root,
    stdin: {
      contents: "export { readBuiltinData } from './server/src/engine/rules/builtin'; export { builtinProgramsFile } from './server/src/engine/patterns/save-programs';",
      resolveDir: root,
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  try {
    const { readBuiltinData, builtinProgramsFile } = createRequire(import.meta.url)(bundle);
    writeFileSync(`${root}dist/programs.bin`, builtinProgramsFile());
    return JSON.stringify(readBuiltinData());
  } finally {
    rmSync(bundle, { force: true });
  }
}
