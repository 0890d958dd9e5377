/**
 * The files the engine looks for beside its code, for the web server, which has no disk: the build
 * embeds rules/terms.yaml (where rules/ is) and the project's home (package.json's repository and
 * version) as the module `stratlint:shipped` (scripts/build-web.mjs). The rule data itself is
 * embedded as the same validated JSON the Node bundles carry, so rules and findings are the same.
 */
import { setShippedFiles } from '../../engine/rules/shipped';
import texts from 'stratlint:shipped';

/** Where the embedded files seem to be: rules/ and package.json sit in ROOT, as in the VSIX. */
const ROOT = '/stratlint';

export function useEmbeddedShippedFiles(): void {
  /** The embedded file's key (its path under ROOT), if `path` is inside ROOT. */
  const key = (path: string) => (path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : '');
  setShippedFiles({
    codeDir: `${ROOT}/dist`,
    exists: (path) => key(path) in texts,
    readText: (path) => {
      if (!(key(path) in texts)) throw new Error(`stratlint: ${path} is not embedded in the web server`);
      return texts[key(path)];
    },
    // the folders below `dir` that hold embedded files
    folders: (dir) => {
      const prefix = `${key(dir)}/`;
      const below = Object.keys(texts).flatMap((k) => (k.startsWith(prefix) ? [k.slice(prefix.length).split('/')] : []));
      return [...new Set(below.filter((parts) => parts.length > 1).map((parts) => parts[0]))].sort((a, b) => a.localeCompare(b));
    },
  });
}
