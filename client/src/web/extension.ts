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
  const worker = await serverWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  // Markdown of any file system: the workspace's is not `file:` here (vscode-vfs:, vscode-remote:…)
  client = new WebClient('stratlint', 'Stratlint', clientOptions([{ language: 'markdown' }]), worker);
  context.subscriptions.push(client.onRequest(ReadFileRequest, readFile));
  return startExtension(context, client);
}

/**
 * The worker running the server. An extension installed on a VS Code server (code-server, a
 * remote tunnel) has a vscode-remote: URI, from which VS Code's web extension host starts no
 * worker ("Creating workers from remote extensions is currently not supported") but does fetch:
 * the script is fetched and started from a blob: URL then.
 */
async function serverWorker(script: vscode.Uri): Promise<Worker> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`Stratlint: cannot load its language server (${response.status} for ${script.toString(true)})`);
  return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
