import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isInside } from '../files/boundary';
import { fileHost } from '../files/host';
import { ConfigError, didYouMean, type DataPath, type SourceFile } from './errors';
import { readDataFile, refuseOutside } from './read';

export { isInside } from '../files/boundary';

export const BUILTIN_PACKS = ['stratlint:recommended', 'stratlint:strict', 'stratlint:all'] as const;
export type BuiltinPack = (typeof BUILTIN_PACKS)[number];

/** Where an `extends` entry is written, to resolve it and to point at it when it is wrong. */
export interface ExtendsSite {
  src: SourceFile;
  at: DataPath;
  /** The folder of the file that holds the entry: relative paths start here. */
  dir: string;
  /**
   * The workspace root when the entry comes from a file Stratlint found by itself (a config in
   * the workspace, a plan's front matter): nothing outside it is read. Undefined for files the
   * user named (--config, the editor's configPath) and the files they extend.
   */
  boundary?: string;
}

export type ExtendsTarget = { builtin: BuiltinPack } | { file: string };

/**
 * What an `extends` entry names: a built-in pack, a file (relative to the file that names it),
 * or an npm package installed in a node_modules folder at or above it. Packages are data only:
 * their package.json may point at a pack file (`"stratlint": "pack.yaml"`); no code is loaded.
 */
export function resolveExtends(name: string, site: ExtendsSite): ExtendsTarget {
  if (name.startsWith('stratlint:')) {
    if ((BUILTIN_PACKS as readonly string[]).includes(name)) return { builtin: name as BuiltinPack };
    throw site.src.error(site.at, `unknown built-in pack '${name}'${didYouMean(name, BUILTIN_PACKS)}; built-in packs: ${BUILTIN_PACKS.join(', ')}`);
  }
  if (name.startsWith('.') || isAbsolute(name)) return { file: localFile(name, site) };
  return { file: packageFile(name, site) };
}

function localFile(name: string, site: ExtendsSite): string {
  const file = resolve(site.dir, name);
  if (site.boundary && !isInside(file, site.boundary)) {
    throw site.src.error(site.at, `'${name}' is outside the workspace (${site.boundary}); Stratlint reads files outside the workspace only when you name them yourself (--config, or the editor setting stratlint.configPath)`);
  }
  if (!fileHost().exists(file) || fileHost().stat(file)?.folder) throw site.src.error(site.at, `cannot find '${name}' (looked for ${file})`);
  refuseOutside(file, site.boundary);
  return file;
}

const PACKAGE = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)(?:\/(.+))?$/i;
const PACK_FILES = ['stratlint.yaml', 'stratlint.yml', 'stratlint.json'];

function packageFile(name: string, site: ExtendsSite): string {
  const m = PACKAGE.exec(name);
  if (!m) throw site.src.error(site.at, `'${name}' is neither a built-in pack (stratlint:…), a path (./file.yaml) nor an npm package name`);
  const [, pkg, subpath] = m;
  const pkgDir = findPackage(pkg, site.dir, site.boundary);
  if (!pkgDir) {
    const asPath = /\.(ya?ml|json)$/i.test(name) ? `; for a file next to this config write './${name}'` : '';
    throw site.src.error(site.at, `cannot find the npm package '${pkg}' in node_modules at or above ${site.dir}${site.boundary ? ' (inside the workspace)' : ''}${asPath}${fileHost().packageHint ?? ''}`);
  }
  const inPackage = (entry: string, at: () => ConfigError): string => {
    const file = resolve(pkgDir, entry);
    if (!isInside(file, pkgDir)) throw at();
    if (!fileHost().exists(file) || fileHost().stat(file)?.folder) throw site.src.error(site.at, `the package '${pkg}' has no file ${entry}`);
    refuseOutside(file, site.boundary);
    return file;
  };
  if (subpath) return inPackage(subpath, () => site.src.error(site.at, `'${name}' points outside the package '${pkg}'`));
  const manifestFile = join(pkgDir, 'package.json');
  refuseOutside(manifestFile, site.boundary);
  const manifest = readDataFile(manifestFile);
  const entry = (manifest.data as { stratlint?: unknown } | null)?.stratlint;
  if (entry !== undefined) {
    if (typeof entry !== 'string') throw manifest.error(['stratlint'], 'expected the path of the package’s pack file, e.g. "stratlint": "pack.yaml"');
    return inPackage(entry, () => manifest.error(['stratlint'], `'${entry}' points outside the package`));
  }
  const found = PACK_FILES.map((f) => join(pkgDir, f)).find((f) => fileHost().exists(f));
  if (found) refuseOutside(found, site.boundary);
  if (!found) throw site.src.error(site.at, `the package '${pkg}' holds no pack: add "stratlint": "<pack file>" to its package.json, or a ${PACK_FILES.join(' / ')} at its root`);
  return found;
}

/** The package's folder in the nearest node_modules at or above `dir`, not climbing past `boundary`. */
function findPackage(pkg: string, dir: string, boundary: string | undefined): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (boundary && !isInside(d, boundary)) return undefined;
    const pkgDir = join(d, 'node_modules', pkg);
    if (fileHost().exists(join(pkgDir, 'package.json'))) {
      refuseOutside(pkgDir, boundary); // node_modules/<pkg> may be a link out of the workspace
      return pkgDir;
    }
    if (dirname(d) === d) return undefined;
  }
}
