/**
 * The Stratlint VS Code extension: starts the language server (dist/server.js, over IPC) for
 * Markdown; the rest is shared with VS Code for the web (activate.ts).
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, startExtension, type StratlintApi } from './activate';

export type { StratlintApi } from './activate';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<StratlintApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const options = clientOptions([
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'markdown' },
  ]);
  client = new LanguageClient('stratlint', 'Stratlint', serverOptions, options);
  return startExtension(context, client);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
