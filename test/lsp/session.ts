/**
 * A minimal LSP client for the tests: starts `bin/stratlint-ls.js --stdio` as a real process and
 * speaks JSON-RPC to it, the way any editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection as createServerConnection } from 'vscode-languageserver/node';
import { assessPlan, lintDocument } from '../../server/src/engine/index';
import { editorMessage } from '../../server/src/server/features/titleLine';
import { nodePlatform } from '../../server/src/server/nodePlatform';
import { startServer } from '../../server/src/server/server';

const ROOT = join(__dirname, '..', '..');

export interface SessionOptions {
  /** Files of the workspace, relative path → text. */
  files: Record<string, string>;
  capabilities?: ClientCapabilities;
  /** What workspace/configuration answers for the `stratlint` section. */
  settings?: Record<string, unknown>;
  /** Run the server inside the test process (to reach its modules), over in-memory streams. */
  inProcess?: boolean;
}

/** The capabilities of a typical editor that takes pushed diagnostics (as Neovim does). */
export const PUSH_CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { resolveSupport: { properties: ['edit'] } },
  },
};

export class Session {
  readonly dir: string;
  readonly connection: ProtocolConnection;
  readonly log: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** The server process, unless it runs in this one. */
  readonly server?: ChildProcess;
  private endStreams = () => {};
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  settings: Record<string, unknown>;

  private constructor(opts: SessionOptions) {
    this.dir = mkdtempSync(join(tmpdir(), 'stratlint-lsp-'));
    for (const [path, text] of Object.entries(opts.files)) this.write(path, text);
    this.settings = opts.settings ?? {};
    if (opts.inProcess) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      this.endStreams = () => {
        toServer.end();
        toClient.end();
      };
      startServer(createServerConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), nodePlatform());
      this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    } else {
      this.server = spawn(process.execPath, [join(ROOT, 'bin', 'stratlint-ls.js'), '--stdio'], { cwd: this.dir, stdio: ['pipe', 'pipe', 'inherit'] });
      this.connection = createProtocolConnection(new StreamMessageReader(this.server.stdout!), new StreamMessageWriter(this.server.stdin!));
    }
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.log.push(p.message);
      this.wake();
    });
    this.connection.onNotification('stratlint/status', () => this.wake());
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
  }

  static async start(opts: SessionOptions): Promise<Session> {
    const s = new Session(opts);
    await s.connection.sendRequest(InitializeRequest.type, {
      // the server watches a client process it was given and would keep this one alive
      processId: opts.inProcess ? null : process.pid,
      rootUri: pathToFileURL(s.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(s.dir).href, name: 'workspace' }],
      capabilities: opts.capabilities ?? PUSH_CLIENT,
    });
    s.connection.sendNotification(InitializedNotification.type, {});
    return s;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.dir, path)).href;
  }

  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  open(path: string, text = this.read(path)): string {
    const uri = this.uri(path);
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a full-document change); returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  save(uri: string): void {
    this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Every publishDiagnostics the server sent for the URI, oldest first. */
  publications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Resolves once `check` returns a value (re-checked on every message from the server). */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 20000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server log:\n${this.log.join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The diagnostics the server published for the document's current version (a huge document's may take longer than the default wait). */
  diagnostics(uri: string, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.until(
      `diagnostics of ${uri} v${this.version(uri)}`,
      () => {
        const last = this.publications(uri).at(-1);
        return last && last.version === this.version(uri) ? last.diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  /** The first diagnostics published after `count` publications: for an open document, for its current version. */
  nextDiagnostics(uri: string, count: number): Promise<Diagnostic[]> {
    return this.until(`a publication after the first ${count} for ${uri} v${this.version(uri)}`, () =>
      this.publications(uri).slice(count).find((p) => !this.versions.has(uri) || p.version === this.version(uri))?.diagnostics,
    );
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      // `exit` ends the process the server runs in: only for a server of its own
      if (this.server) this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      const server = this.server;
      if (!server || server.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        server.kill();
        resolve();
      }, 3000);
      server.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
    this.endStreams();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/** The diagnostics the server should publish for a plan: the engine's findings as LSP diagnostics (title ones as checklist lines). */
export function engineDiagnostics(dir: string, path: string, text: string): unknown[] {
  const uri = pathToFileURL(join(dir, path)).href;
  const result = lintDocument(text, { filePath: join(dir, path), stopDir: dir });
  const assessments = assessPlan(result.plan, result.config.settings);
  return result.findings.map((f) => ({
    range: f.range,
    severity: { error: 1, warning: 2, info: 3 }[f.severity],
    source: 'stratlint',
    code: f.ruleId,
    codeDescription: { href: f.docsUrl },
    message: editorMessage(assessments, result, f),
    ...(f.related && { relatedInformation: f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }),
  }));
}
