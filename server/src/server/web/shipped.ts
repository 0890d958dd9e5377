/**
 * The built-in rule data for the web server, which has no disk to read rules/ from: the build
 * embeds rules/**\/rule.yaml, rules/terms.yaml and the project's home (package.json's repository
 * and version) as the module `stratlint:shipped` (scripts/build.mjs). They are parsed and
 * validated as on Node, so the rules and their findings are the same.
 */
import { setShippedFiles } from '../../engine/rules/shipped';
import texts from 'stratlint:shipped';

/** Where the embedded files seem to be: rules/ and package.json sit in ROOT, as in the VSIX. */
const ROOT = '/stratlint';

export function useEmbeddedShippedFiles(): void {
  const at = (path: string) => (path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : undefined);
  setShippedFiles({
    codeDir: `${ROOT}/dist`,
    exists: (path) => {
      const key = at(path);
      return key !== undefined && (key in texts || Object.keys(texts).some((k) => k.startsWith(`${key}/`)));
    },
    readText: (path) => {
      const key = at(path);
      if (key === undefined || !(key in texts)) throw new Error(`stratlint: ${path} is not embedded in the web server`);
      return texts[key];
    },
    folders: (dir) => {
      const key = at(dir);
      const names = Object.keys(texts).flatMap((k) => (key !== undefined && k.startsWith(`${key}/`) && k.slice(key.length + 1).includes('/') ? [k.slice(key.length + 1).split('/')[0]] : []));
      return [...new Set(names)].sort((a, b) => a.localeCompare(b));
    },
  });
}
