/**
 * Entry of dist/web/server.js: the language server in a Web Worker, for VS Code for the web
 * (github.dev, vscode.dev), where there is no Node. The same server as dist/server.js, with the
 * built-in rules embedded in the bundle, config and pack files read through the extension, and
 * every lint on this worker (it is off the editor's thread already).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { setFileHost } from '../../engine/files/host';
import { startServer } from '../server';
import { RemoteFiles } from './remoteFiles';
import { useEmbeddedShippedFiles } from './shipped';
import { WebUris } from './uris';

// the worker's global scope (the DOM typings this project compiles with call it a Window)
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const uris = new WebUris();
const files = new RemoteFiles(connection, uris.pathToUri);
setFileHost(files);
useEmbeddedShippedFiles();
startServer(connection, {
  uriToPath: uris.uriToPath,
  pathToUri: uris.pathToUri,
  workers: { available: false, lint: () => Promise.resolve(undefined) },
  linted: () => {},
  fetchConfigFiles: (_uri, resolve) => files.prefetch(resolve),
  filesChanged: () => files.forget(),
});
