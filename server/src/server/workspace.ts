import { dirname, isAbsolute, resolve, sep } from 'node:path';

/** The workspace folders the client opened, to stop the config search and anchor relative paths. */
export class WorkspaceFolders {
  private folders: string[] = [];

  constructor(private readonly uriToPath: (uri: string) => string | undefined) {}

  set(uris: readonly string[]): void {
    this.folders = uris.map(this.uriToPath).filter((p): p is string => !!p);
  }

  add(uris: readonly string[]): void {
    this.folders.push(...uris.map(this.uriToPath).filter((p): p is string => !!p));
  }

  remove(uris: readonly string[]): void {
    const gone = new Set(uris.map(this.uriToPath));
    this.folders = this.folders.filter((f) => !gone.has(f));
  }

  /** The innermost folder holding the file. */
  folderOf(filePath: string | undefined): string | undefined {
    if (!filePath) return this.folders[0];
    return this.folders.filter((f) => filePath === f || filePath.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
  }

  /**
   * What a document's configs and packs must stay inside: its workspace folder, or for a document
   * outside every folder, its own folder (else any config above it, anywhere, would be read).
   */
  boundaryOf(filePath: string | undefined): string | undefined {
    return filePath ? (this.folderOf(filePath) ?? dirname(filePath)) : undefined;
  }

  /** `stratlint.configPath` as given: absolute, or relative to the file's workspace folder. */
  resolveConfigPath(configPath: string, filePath: string | undefined): string | undefined {
    if (!configPath) return undefined;
    if (isAbsolute(configPath)) return configPath;
    return resolve(this.folderOf(filePath) ?? process.cwd(), configPath);
  }
}
