// The web bundles, for VS Code for the web (github.dev, vscode.dev), where extensions run in a
// browser: dist/web/extension.js (the extension, `browser` in package.json) and
// dist/web/server.js (the language server, in a Web Worker the extension starts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The options for esbuild's build() of each web bundle; `builtinJson` is the validated rule data the Node bundles embed too. */
export function webBuilds(root, version, builtinJson) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    // both run in Web Workers (VS Code's web extension host is one): no `document` there
    conditions: ['worker'],
    target: 'es2022',
    define: { STRATLINT_VERSION: JSON.stringify(version), STRATLINT_BUILTIN_DATA: JSON.stringify(builtinJson) },
    inject: [join(root, 'server/src/server/web/shims.ts')],
    plugins: [nodeBuiltins(root), shipped(root)],
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  return [
    // the worker runs the file as a classic script
    { ...common, entryPoints: { server: 'server/src/server/web/main.ts' }, outdir: 'dist/web', format: 'iife' },
    // VS Code's web extension host loads extensions as CommonJS modules, `vscode` provided
    { ...common, entryPoints: { extension: 'client/src/web/extension.ts' }, outdir: 'dist/web', format: 'cjs', external: ['vscode'] },
  ];
}

/**
 * path → path-browserify; url → a pathToFileURL of our own; fs and worker_threads, which modules
 * of the bundle import for Node only (the CLI's readers, lint worker threads), → a stub that
 * throws when called. Any other Node built-in fails the build.
 */
function nodeBuiltins(root) {
  const web = join(root, 'server/src/server/web');
  return {
    name: 'node-builtins',
    setup(b) {
      b.onResolve({ filter: /^(node:)?(path|url|fs|worker_threads)$/ }, ({ path }) => {
        const name = path.replace(/^node:/, '');
        if (name === 'path') return { path: join(root, 'node_modules/path-browserify/index.js') };
        if (name === 'url') return { path: join(web, 'url.ts') };
        return { path: join(web, 'node-stub.cjs') };
      });
    },
  };
}

/**
 * The module `stratlint:shipped`: the files the engine looks for beside its code, embedded as texts
 * (server/src/server/web/shipped.ts): rules/terms.yaml, which marks where rules/ is, and the
 * project's home from package.json. The rule data itself comes as validated JSON (builtinJson).
 */
function shipped(root) {
  return {
    name: 'stratlint-shipped',
    setup(b) {
      b.onResolve({ filter: /^stratlint:shipped$/ }, () => ({ path: 'shipped', namespace: 'stratlint-shipped' }));
      b.onLoad({ filter: /.*/, namespace: 'stratlint-shipped' }, () => {
        const texts = {};
        const add = (rel) => {
          texts[rel] = readFileSync(join(root, rel), 'utf8');
          parse(texts[rel]);
        };
        // Where rules/ is (the rule data itself is embedded as validated JSON, as in the Node bundles).
        add('rules/terms.yaml');
        const { repository, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
        texts['package.json'] = JSON.stringify({ repository, version });
        return { contents: `export default ${JSON.stringify(texts)};`, loader: 'js', watchFiles: Object.keys(texts).map((f) => join(root, f)) };
      });
    },
  };
}
