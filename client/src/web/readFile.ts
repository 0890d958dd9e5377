import * as vscode from 'vscode';
import type { ReadFileResult } from '../../../server/src/server/protocol';

/**
 * Answers the web server's ReadFileRequest through the editor's file system (the workspace's,
 * e.g. a GitHub repository on github.dev). A file over `maxBytes` is not read.
 */
export async function readFile({ uri, maxBytes }: { uri: string; maxBytes: number }): Promise<ReadFileResult> {
  const target = vscode.Uri.parse(uri);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(target);
  } catch {
    return { kind: 'none' };
  }
  if (stat.type & vscode.FileType.Directory) return { kind: 'folder' };
  if (stat.size > maxBytes) return { kind: 'tooLarge', bytes: stat.size };
  try {
    const bytes = await vscode.workspace.fs.readFile(target);
    // the size can change between stat and read
    if (bytes.length > maxBytes) return { kind: 'tooLarge', bytes: bytes.length };
    return { kind: 'file', text: new TextDecoder().decode(bytes) };
  } catch (e) {
    return { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
}
