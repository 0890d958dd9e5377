import type { LintTarget } from './linting';
import type { OffThreadLint } from './lintWorker';

/** What differs between the Node language server (main.ts) and the web worker one (web/main.ts). */
export interface Platform {
  /** The path a document or folder URI names (configs are looked for above it, plan globs match it); undefined when it has none (untitled). */
  uriToPath(uri: string): string | undefined;
  /** The URI of a config or pack file, to show its problems in it. */
  pathToUri(path: string): string;
  /** Lints large documents on another thread, where the platform has them. */
  workers: { readonly available: boolean; lint(text: string, target: LintTarget, signal: AbortSignal): Promise<OffThreadLint | undefined> };
  /** After each lint (the Node server gives memory back once it is idle). */
  linted(): void;
  /** Before a lint on this thread, given the config resolution it will run: makes the files that reads readable (the web server fetches them from the editor). */
  fetchConfigFiles?(uri: string, resolve: () => void): Promise<void>;
  /** Watched files changed: what was read of them is stale. */
  filesChanged?(): void;
}
