/**
 * Drives the language server as an editor does (`stratlint-ls --stdio`, JSON-RPC over pipes):
 * edit→diagnostics latency, and memory with many plans open.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const ROOT = join(__dirname, '..');
/** The server waits this long after a keystroke before linting (server.ts DEBOUNCE_MS). */
export const DEBOUNCE_MS = 250;

export class Server {
  private readonly published = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private constructor(
    readonly pid: number,
    readonly connection: ProtocolConnection,
    private readonly stopProcess: () => void,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p.version ?? -1);
      for (const w of this.waiters) w();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
  }

  /** Starts the server; `nodeArgs` go to its Node process (e.g. --cpu-prof to profile it). */
  static async start(dir: string, nodeArgs: string[] = []): Promise<Server> {
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bin/stratlint-ls.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
    // The server exits on `exit`; a message still on its way must not crash the benchmark.
    child.stdin.on('error', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new Server(child.pid!, connection, () => child.kill());
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  open(path: string): string {
    const uri = pathToFileURL(path).href;
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path, 'utf8') } });
    return uri;
  }

  /** Resolves when diagnostics for this version of the document arrive. */
  diagnosed(uri: string, version: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.published.get(uri) !== version) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resident memory of the server process (Linux). */
  rssMB(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    this.connection.dispose();
    this.stopProcess();
  }
}

/**
 * Types one character at a time into a line in the middle of the plan, waiting for the
 * diagnostics of each version. Latency is counted from the end of the typing pause.
 */
export async function editLatency(dir: string, planPath: string, edits = 50, nodeArgs: string[] = []): Promise<number[]> {
  const server = await Server.start(dir, nodeArgs);
  try {
    const uri = server.open(planPath);
    await server.diagnosed(uri, 1);
    const lines = readFileSync(planPath, 'utf8').split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z]/.test(l));
    const out: number[] = [];
    for (let v = 2; v < edits + 2; v++) {
      const character = lines[line].length + (v - 2);
      const start = performance.now();
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
      });
      await server.diagnosed(uri, v);
      out.push(performance.now() - start - DEBOUNCE_MS);
    }
    return out;
  } finally {
    await server.stop();
  }
}

/** Server RSS after opening the plans and getting diagnostics for all of them. */
export async function memoryWithOpen(dir: string, plans: string[]): Promise<number> {
  const server = await Server.start(dir);
  try {
    const uris = plans.map((p) => server.open(p));
    await Promise.all(uris.map((u) => server.diagnosed(u, 1)));
    // The server gives memory back once it has been quiet for nine seconds (server/src/server/idle.ts).
    await new Promise((r) => setTimeout(r, 12_000));
    return server.rssMB();
  } finally {
    await server.stop();
  }
}

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * What opening a plan in a freshly started editor feels like: milliseconds from starting the
 * server process to its `initialize` answer, and to the first diagnostics of a plan opened at once.
 */
export async function startupTimes(dir: string, planPath: string): Promise<{ initialize: number; firstDiagnostics: number }> {
  const start = performance.now();
  const server = await Server.start(dir);
  const initialize = performance.now() - start;
  try {
    await server.diagnosed(server.open(planPath), 1);
    return { initialize, firstDiagnostics: performance.now() - start };
  } finally {
    await server.stop();
  }
}
