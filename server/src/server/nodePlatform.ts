import { fileURLToPath, pathToFileURL } from 'node:url';
import { IdleCompactor } from './idle';
import { LintWorkers } from './lintWorker';
import type { Platform } from './platform';

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
  const compactor = new IdleCompactor();
  return { uriToPath, pathToUri: (path) => pathToFileURL(path).href, workers: new LintWorkers(), linted: () => compactor.linted() };
}
