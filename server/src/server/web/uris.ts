/**
 * Paths for the web server's documents. In VS Code for the web files have URIs of the editor's
 * file systems (vscode-vfs://github/owner/repo/plan.md, vscode-remote://host/…), not `file:`
 * paths: the engine works on each URI's path, and paths go back to URIs of the workspace's
 * file system (the last one a document or folder came from: one per window in practice).
 */
const HIERARCHICAL = /^([a-z][\w+.-]*:\/\/[^/?#]*)([^?#]*)/i;

export class WebUris {
  private origin = 'file://';

  /** The URI's path, decoded; undefined for URIs without one (untitled:Untitled-1). */
  readonly uriToPath = (uri: string): string | undefined => {
    const m = HIERARCHICAL.exec(uri);
    if (!m) return undefined;
    try {
      const path = decodeURIComponent(m[2]) || '/';
      this.origin = m[1];
      return path;
    } catch {
      return undefined;
    }
  };

  readonly pathToUri = (path: string): string => this.origin + path.split('/').map(encodeURIComponent).join('/');
}
