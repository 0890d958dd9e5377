/**
 * The web server's files: config and pack files read through the editor (ReadFileRequest).
 * The engine reads them synchronously, so they are fetched before a lint: config resolution runs
 * against what is here, noting each path it asked for that is not; those are fetched and it runs
 * again, until it asks for nothing new (each round reaches one `extends` level deeper). What was
 * fetched stays until a watched file changes.
 */
import type { Connection } from 'vscode-languageserver';
import { FileAccessError, megabytes } from '../../engine/files/bounded-read';
import type { FileHost } from '../../engine/files/host';
import { CONFIG_MAX_BYTES } from '../../engine/index';
import { MAX_EXTENDS_DEPTH } from '../../engine/config/resolve';
import { ReadFileRequest, type ReadFileResult } from '../protocol';

/** Rounds of fetching before a lint: the extends chain at its deepest, plus the configs above the plan. */
const MAX_ROUNDS = MAX_EXTENDS_DEPTH + 4;

export class RemoteFiles implements FileHost {
  private readonly known = new Map<string, ReadFileResult & { stamp: string }>();
  private readonly missing = new Set<string>();
  private fetches = 0;
  readonly packageHint = '; VS Code for the web reads packs from the workspace only (an npm package is found when its node_modules folder is in the workspace)';

  constructor(
    private readonly connection: Connection,
    private readonly pathToUri: (path: string) => string,
  ) {}

  exists(path: string): boolean {
    const file = this.lookup(path);
    return !!file && file.kind !== 'none';
  }

  stat(path: string): { folder: boolean; stamp: string } | undefined {
    const file = this.lookup(path);
    return file && file.kind !== 'none' ? { folder: file.kind === 'folder', stamp: file.stamp } : undefined;
  }

  readText(path: string, maxBytes: number, shown = path): string {
    const file = this.lookup(path);
    if (!file || file.kind === 'none') throw new FileAccessError(shown, 'no such file');
    if (file.kind === 'folder') throw new FileAccessError(shown, 'it is a folder, not a file');
    if (file.kind === 'unreadable') throw new FileAccessError(shown, file.reason);
    // fetched at the config limit: a smaller limit is checked here
    const bytes = file.kind === 'tooLarge' ? file.bytes : new TextEncoder().encode(file.text).length;
    if (file.kind === 'tooLarge' || bytes > maxBytes) throw new FileAccessError(shown, `too large (${megabytes(bytes)}; the limit is ${megabytes(maxBytes)})`);
    return file.text;
  }

  /** Links are the editor's business: paths are taken as written. */
  realPath(path: string): string {
    return path;
  }

  /** Runs `resolve` until every file it reads has been fetched (see above). */
  async prefetch(resolve: () => void): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.missing.clear();
      try {
        resolve();
      } catch {
        // a config error: the lint meets it again and reports it
      }
      if (this.missing.size === 0) return;
      await Promise.all([...this.missing].map((path) => this.fetch(path)));
    }
  }

  /** Watched files changed: read everything again when next asked. */
  forget(): void {
    this.known.clear();
  }

  private lookup(path: string): (ReadFileResult & { stamp: string }) | undefined {
    const file = this.known.get(path);
    if (!file) this.missing.add(path);
    return file;
  }

  private async fetch(path: string): Promise<void> {
    let result: ReadFileResult;
    try {
      result = await this.connection.sendRequest(ReadFileRequest, { uri: this.pathToUri(path), maxBytes: CONFIG_MAX_BYTES });
    } catch (e) {
      result = { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
    }
    // a new stamp per read: config caches keyed on it see a changed file
    this.known.set(path, { ...result, stamp: String(++this.fetches) });
  }
}
