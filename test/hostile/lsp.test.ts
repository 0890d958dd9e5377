import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeOutcome, hugePlan, ROOT, SERVER, tempDir, watch } from './limits';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('the language server and malformed framing', () => {
  for (const [name, header] of [
    ['a Content-Length that is not a number', 'Content-Length: lots\r\n\r\n{}'],
    ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a header line without a colon', 'Content-Length 12\r\n\r\n{}'],
  ]) {
    it(`${name}: exits saying why instead of staying deaf`, async () => {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: tempDir(), stdio: ['pipe', 'pipe', 'pipe'] });
      const done = watch(child, { timeoutMs: 10_000, maxRssMb: 300 });
      // A well-framed request first: the server answers it, then the bad header ends the session.
      child.stdin!.write(frame(INITIALIZE));
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      child.stdin!.write(header);
      const o = await done;
      assert.equal(o.killed, undefined, describeOutcome(o));
      assert.equal(o.code, 1, describeOutcome(o));
      assert.match(o.stderr, /^stratlint-ls: unreadable message from the client \((Content-Length value must be a number|Header must provide a Content-Length property|Message header must separate key and value using ':')/);
      assert.match(o.stdout, /"id":1,"result":\{"capabilities"/);
    });
  }
});

describe('the language server and documents outside every workspace folder', () => {
  it("bounds such a document's configs by its own folder: a config above it is not read", async () => {
    const { Session } = await import('../lsp/session');
    const s = await Session.start({ files: { 'README.md': '# Workspace\n' } });
    try {
      const outside = `../${s.dir.split('/').pop()}-outside`;
      s.write(`${outside}/.stratlint.yaml`, 'rules: { buzzword-fluff: off }\n');
      s.write(`${outside}/sub/fluff-plan.md`, '---\nstratlint: true\n---\n# Growth strategy\n\nWe offer world-class service.\n');
      const uri = s.open(`${outside}/sub/fluff-plan.md`);
      const codes = (await s.diagnostics(uri)).map((d) => d.code);
      assert.ok(codes.includes('buzzword-fluff'), codes.join(', '));
    } finally {
      await s.stop();
      rmSync(join(s.dir, '..', `${s.dir.split('/').pop()}-outside`), { recursive: true, force: true });
    }
  });
});

describe('the language server at the first edit of a large document', () => {
  it('answers requests on another document while it fills the caches, before the edit is linted, then shows the latest version', async () => {
    const { engineDiagnostics, Session } = await import('../lsp/session');
    // Under the size linted as you type (1 MB); its caches took one lint of about 3 s on the server's thread.
    const large = hugePlan(1_000_000);
    const small = readFileSync(join(ROOT, 'examples', 'weak-feature-race-plan.md'), 'utf8');
    const s = await Session.start({ files: { 'small-plan.md': small, 'large-plan.md': large } });
    const exited = watch(s.server!, { timeoutMs: 180_000, maxRssMb: 1200 });
    try {
      const smallUri = s.open('small-plan.md');
      const uri = s.open('large-plan.md');
      await s.diagnostics(smallUri);
      await s.diagnostics(uri, 90_000);
      const edited = large.replace('We offer world-class service.', 'We deliver best-in-class synergy.');
      s.change(uri, edited);
      // The caches are filled from the edit on, in slices; the requests come at once, well before the
      // typing pause (250 ms) ends, and must be answered between slices. Were the filling one block
      // of work (seconds for a megabyte), the edit's lint, waiting on it, would run and publish first.
      const timed = async <T>(work: () => Promise<T>) => {
        const started = Date.now();
        return { value: await work(), ms: Date.now() - started };
      };
      const symbols = await timed(() => s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } }));
      const hover = await timed(() => s.request<unknown>('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 4, character: 4 } }));
      // Answered in between the slices, not after a whole lint: no diagnostics for the edit yet. (How
      // long they wait is a figure for the bench, not a test: a loaded machine stretches every slice.)
      assert.ok(symbols.value.length > 0 && hover.value !== null);
      assert.deepStrictEqual(
        s.publications(uri).map((p) => p.version),
        [1],
        `the edit was linted before the requests were answered (documentSymbol ${symbols.ms} ms, hover ${hover.ms} ms)`,
      );
      // Typing goes on while the caches are filled: the latest version is what is shown.
      const latest = edited.replace('We deliver best-in-class synergy.', 'We deliver world-class synergy.');
      s.change(uri, latest);
      assert.deepStrictEqual(await s.diagnostics(uri, 90_000), engineDiagnostics(s.dir, 'large-plan.md', latest));
      assert.equal(s.publications(uri).at(-1)?.version, 3);
    } finally {
      await s.stop();
    }
    const o = await exited;
    assert.equal(o.killed, undefined, describeOutcome(o));
  });
});
