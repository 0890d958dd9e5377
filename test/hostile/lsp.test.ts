import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeOutcome, SERVER, tempDir, watch } from './limits';

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
