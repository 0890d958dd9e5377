import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IdleCompactor } from './idle';
import type { LintWorkers } from './lintWorker';
import type { Platform } from './platform';
import { tierUpAsUsual } from './v8-flags';

/** The local path of a `file:` URI; untitled and virtual documents have none. */
function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The language server on Node: the local file system, lint worker threads, memory given back when idle. */
export function nodePlatform(): Platform {
  // Required when first used, as the engine is (see engineSide.ts): both import it.
  let compactor: IdleCompactor | undefined;
  let workers: LintWorkers | undefined;
  return {
    uriToPath,
    pathToUri: (path) => pathToFileURL(path).href,
    get workers() {
      return (workers ??= new (require('./lintWorker') as typeof import('./lintWorker')).LintWorkers());
    },
    linted: () => {
      tierUpAsUsual();
      (compactor ??= new (require('./idle') as typeof import('./idle')).IdleCompactor()).linted();
    },
  };
}
