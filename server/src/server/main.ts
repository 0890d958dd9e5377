/** Entry of dist/server.js: `stratlint-ls --stdio` (or --node-ipc / --socket=N, as LSP clients start servers). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setPatternUnions } from '../engine/patterns/pattern';
import { startServer } from './server';

setPatternUnions(false);
startServer(createConnection(ProposedFeatures.all));
