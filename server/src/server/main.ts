/** Entry of dist/server.js: `stratlint-ls --stdio` (or --node-ipc / --socket=N, as LSP clients start servers). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
