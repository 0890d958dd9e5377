/** Entry of dist/server.js: `stratlint-ls --stdio` (or --node-ipc / --socket=N, as LSP clients start servers). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { nodePlatform } from './nodePlatform';
import { startServer } from './server';
import { tierUpLater } from './v8-flags';

tierUpLater();

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all), nodePlatform());

/**
 * Over stdio a message whose header is malformed (no or a bad Content-Length) leaves every later
 * message misframed: the server would stay alive but deaf. It exits instead, saying why, and the
 * client sees it and can start a new one.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    process.stderr.write(`stratlint-ls: unreadable message from the client (${e.message.split('\n')[0]}); exiting\n`);
    process.exit(1);
  });
  let shutdown = false;
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  connection.onShutdown(() => {
    shutdown = true;
  });
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  // stdout carries the protocol: anything a dependency logs goes to the client's log instead (as the library does for --stdio).
  console.log = console.info = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  return connection;
}
