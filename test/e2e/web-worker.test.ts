/**
 * The web language server (dist/web/server.js) in a Web Worker of a real browser (Chromium), as
 * VS Code for the web runs it: LSP messages go in and out through postMessage, and the worker
 * reads config and pack files by asking the client (stratlint/readFile), which answers here from
 * a workspace held in memory under a URI scheme that is not `file:`. Its findings must be the
 * Node engine's for the same files on disk. (test/e2e/web-host.test.ts runs the whole web
 * extension in code-server's web worker extension host.)
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Diagnostic,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { lintDocument } from '../../server/src/engine/index';
import type { ReadFileResult } from '../../server/src/server/protocol';
import { ensureEditors, ROOT, server } from './support/setup';

const ORIGIN = 'vscode-test://workspace';
const PLAN = readFileSync(join(__dirname, 'fixtures', 'workspace', 'plans', 'growth-strategy.md'), 'utf8');
const CONFIG = 'extends: [stratlint:strict, ./packs/acme.yaml]\nrules:\n  target-customers: off\n';

/** The workspace the client serves: path → text. */
const files = new Map<string, string>([
  ['/repo/plans/growth-strategy.md', PLAN],
  ['/repo/.stratlint.yaml', CONFIG],
  ['/repo/packs/acme.yaml', readFileSync(join(ROOT, 'examples', 'packs', 'acme-planning.yaml'), 'utf8')],
]);

/** What the client answers for a path: a file, a folder above some file, or nothing. */
function read(uri: string): ReadFileResult {
  const path = decodeURIComponent(uri.slice(ORIGIN.length));
  const text = files.get(path);
  if (text !== undefined) return { kind: 'file', text };
  return [...files.keys()].some((f) => f.startsWith(`${path}/`)) ? { kind: 'folder' } : { kind: 'none' };
}

/** The same workspace on disk, linted by the Node engine: what the worker must find. */
function nodeFindings(): { code: string; range: Diagnostic['range'] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'stratlint-web-'));
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const filePath = join(dir, 'repo', 'plans', 'growth-strategy.md');
    const { findings } = lintDocument(PLAN, { filePath, stopDir: join(dir, 'repo') });
    return findings.map((f) => ({ code: f.ruleId, range: f.range }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const summary = (ds: { code?: unknown; range: Diagnostic['range'] }[]) => ds.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

test('the web language server lints in a Chromium Web Worker, reading configs through the client', { timeout: 180000 }, async (t) => {
  ensureEditors();
  const http = createServer((req, res) => {
    if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(ROOT, 'dist', 'web', 'server.js')));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>worker</title>');
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = server.scratchDir('web-');
  const { context, page } = await server.openBrowser({ base });
  try {
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    const connection = await workerConnection(page);
    const published = new Map<string, PublishDiagnosticsParams>();
    const reads: string[] = [];
    const waiters: (() => void)[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p);
      for (const w of waiters.splice(0)) w();
    });
    connection.onRequest('stratlint/readFile', (p: { uri: string; maxBytes: number }) => {
      reads.push(p.uri);
      assert.equal(p.maxBytes, 1 << 20);
      return read(p.uri);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    /** The diagnostics published for `uri` once `ready` holds for them. */
    async function diagnostics(uri: string, ready: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
      const deadline = Date.now() + 30000;
      for (;;) {
        const ds = published.get(uri)?.diagnostics;
        if (ds && ready(ds)) return ds;
        assert.ok(Date.now() < deadline, `no such diagnostics for ${uri}: ${JSON.stringify(ds)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 500);
        });
      }
    }

    const init = await connection.sendRequest('initialize', {
      processId: null,
      rootUri: `${ORIGIN}/repo`,
      workspaceFolders: [{ uri: `${ORIGIN}/repo`, name: 'repo' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    assert.equal((init as { serverInfo: { name: string } }).serverInfo.name, 'stratlint-ls');
    connection.sendNotification('initialized', {});
    const plan = `${ORIGIN}/repo/plans/growth-strategy.md`;
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: plan, languageId: 'markdown', version: 1, text: PLAN } });

    await t.test('its findings are the Node engine\'s: built-in rules, stratlint:strict, a pack, a rule turned off', async () => {
      const ds = await diagnostics(plan, (d) => d.length > 0);
      assert.deepEqual(summary(ds), summary(nodeFindings()));
      const codes = new Set(ds.map((d) => d.code));
      // a built-in rule where the plan's title is, raised from warning to error by stratlint:strict
      const outcomes = ds.find((d) => d.code === 'customer-outcomes');
      assert.deepEqual(outcomes?.range.start, { line: 0, character: 2 });
      assert.equal(outcomes?.severity, 1);
      assert.ok(codes.has('acme/risks'), `the pack's rule: ${[...codes].join(', ')}`);
      assert.ok(!codes.has('target-customers'));
      // the config files looked for above the plan, up to the workspace folder, and the two that are there
      assert.deepEqual([...new Set(reads.filter((u) => read(u).kind === 'file'))].sort(), [`${ORIGIN}/repo/.stratlint.yaml`, `${ORIGIN}/repo/packs/acme.yaml`]);
      assert.ok(reads.every((u) => u.startsWith(`${ORIGIN}/repo/`)), `read outside the workspace folder: ${reads.join(', ')}`);
    });

    await t.test('a changed config is read again when the client says it changed', async () => {
      files.set('/repo/.stratlint.yaml', 'extends: [stratlint:recommended, some-npm-pack]\n');
      connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ORIGIN}/repo/.stratlint.yaml`, type: 2 }] });
      // an npm package cannot be looked up here: the config file says why, in the editor's words
      const config = await diagnostics(`${ORIGIN}/repo/.stratlint.yaml`, (d) => d.length > 0);
      assert.equal(config.length, 1);
      assert.match(config[0].message, /cannot find the npm package 'some-npm-pack'.*VS Code for the web reads packs from the workspace only/);
      assert.deepEqual(config[0].range, { start: { line: 0, character: 33 }, end: { line: 0, character: 46 } });
      files.set('/repo/.stratlint.yaml', 'rules:\n  customer-outcomes: off\n');
      connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ORIGIN}/repo/.stratlint.yaml`, type: 2 }] });
      const ds = await diagnostics(plan, (d) => !d.some((x) => x.code === 'customer-outcomes' || String(x.code).startsWith('acme/')));
      assert.deepEqual(summary(ds), summary(nodeFindings()));
      assert.deepEqual(published.get(`${ORIGIN}/repo/.stratlint.yaml`)?.diagnostics, []);
    });
    connection.dispose();
  } finally {
    await context.close();
    http.close();
    rmSync(base, { recursive: true, force: true });
  }
});

/** A JSON-RPC connection to dist/web/server.js in a Worker of the page: messages cross as objects, as with postMessage in VS Code. */
async function workerConnection(page: import('playwright-core').Page): Promise<ProtocolConnection> {
  class PageReader extends AbstractMessageReader {
    callback: DataCallback | undefined;
    listen(callback: DataCallback) {
      this.callback = callback;
      return { dispose: () => (this.callback = undefined) };
    }
  }
  class PageWriter extends AbstractMessageWriter {
    async write(message: Message) {
      await page.evaluate((m) => (window as unknown as { worker: Worker }).worker.postMessage(m), message as unknown as Record<string, unknown>);
    }
    end() {}
  }
  const reader = new PageReader();
  await page.exposeFunction('fromWorker', (m: Message) => reader.callback?.(m));
  await page.evaluate(() => {
    const w = window as unknown as { worker: Worker; fromWorker(m: unknown): void };
    w.worker = new Worker('/server.js');
    w.worker.onmessage = (e) => w.fromWorker(e.data);
    w.worker.onerror = (e) => w.fromWorker({ jsonrpc: '2.0', method: 'worker/error', params: { message: e.message } });
  });
  return createProtocolConnection(reader, new PageWriter());
}
