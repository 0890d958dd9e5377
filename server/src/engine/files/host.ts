/**
 * How the engine reads the files a repository controls (configs, packs, package.json files):
 * Node's file system by default; the web build's language server, which has none, sets a host
 * that reads them through the editor (server/src/server/web/remoteFiles.ts).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBoundedText } from './bounded-read';

export interface FileHost {
  /** Whether anything (a file, a folder) is at `path`. */
  exists(path: string): boolean;
  /** A folder or a file at `path`, with a stamp that changes when the file does; undefined when nothing is there. */
  stat(path: string): { folder: boolean; stamp: string } | undefined;
  /** A regular file of at most `maxBytes` as UTF-8 text; throws FileAccessError naming `shown` otherwise. */
  readText(path: string, maxBytes: number, shown?: string): string;
  /** The path with links resolved (as written when it cannot be). */
  realPath(path: string): string;
  /** Said after "cannot find the npm package …": why a package may be missing on this host. */
  packageHint?: string;
}

const nodeFiles: FileHost = {
  exists: (path) => existsSync(path),
  stat(path) {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat && { folder: stat.isDirectory(), stamp: `${stat.mtimeMs}:${stat.size}:${stat.ino}` };
  },
  readText: readBoundedText,
  realPath(path) {
    try {
      return realpathSync.native(path);
    } catch {
      return resolve(path);
    }
  },
};

let host = nodeFiles;

export function fileHost(): FileHost {
  return host;
}

/** The web server's host (there is no other). */
export function setFileHost(next: FileHost): void {
  host = next;
}
