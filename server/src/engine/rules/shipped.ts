/**
 * The files Stratlint ships beside its code: the built-in rule data (rules/) and package.json.
 * Read from disk; the web build embeds them instead (scripts/build.mjs), and its server sets
 * them here before anything reads them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ShippedFiles {
  /** The folder the code runs from: rules/ is in it or in a folder above it. */
  codeDir: string;
  exists(path: string): boolean;
  readText(path: string): string;
  /** The names of the folders in `dir`, sorted. */
  folders(dir: string): string[];
}

let shipped: ShippedFiles | undefined;

export function shippedFiles(): ShippedFiles {
  return (shipped ??= {
    codeDir: __dirname,
    exists: (path) => existsSync(path),
    readText: (path) => readFileSync(path, 'utf8'),
    folders: (dir) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort((a, b) => a.localeCompare(b)),
  });
}

export function setShippedFiles(files: ShippedFiles): void {
  shipped = files;
}
