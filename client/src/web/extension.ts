/**
 * The Stratlint extension in VS Code for the web (github.dev, vscode.dev; `browser` in
 * package.json): the language server (dist/web/server.js) runs in a Web Worker, and reads
 * config and pack files through this extension. The rest is shared with the desktop (activate.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { ReadFileRequest } from '../../../server/src/server/protocol';
import { clientOptions, startExtension, type StratlintApi } from '../activate';
import { readFile } from './readFile';

/** The browser's client has no restart of its own (the Node one stops and starts, as here). */
class WebClient extends LanguageClient {
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

let client: WebClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<StratlintApi> {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
  // Markdown of any file system: the workspace's is not `file:` here (vscode-vfs:, vscode-remote:…)
  client = new WebClient('stratlint', 'Stratlint', clientOptions([{ language: 'markdown' }]), worker);
  context.subscriptions.push(client.onRequest(ReadFileRequest, readFile));
  return startExtension(context, client);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
