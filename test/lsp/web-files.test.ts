/**
 * The web server's paths and files (server/src/server/web), on Node: URIs of the editor's file
 * systems to paths and back, and config resolution against files fetched from the client —
 * each `extends` level fetched in a round, the same limits and messages as on disk.
 * test/e2e/web-worker.test.ts runs the whole server in a browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { resolveConfig } from '../../server/src/engine/index';
import { ConfigError } from '../../server/src/engine/config/errors';
import { fileHost, setFileHost } from '../../server/src/engine/files/host';
import type { ReadFileResult } from '../../server/src/server/protocol';
import { RemoteFiles } from '../../server/src/server/web/remoteFiles';
import { WebUris } from '../../server/src/server/web/uris';

describe('WebUris', () => {
  it('takes the path of any hierarchical URI, decoded, and builds URIs of the same file system', () => {
    const uris = new WebUris();
    assert.equal(uris.uriToPath('vscode-vfs://github%2B7b22/acme/plans/Q3%20plan%20%231.md'), '/acme/plans/Q3 plan #1.md');
    assert.equal(uris.pathToUri('/acme/.stratlint.yaml'), 'vscode-vfs://github%2B7b22/acme/.stratlint.yaml');
    assert.equal(uris.pathToUri('/acme/plans/Q3 plan #1.md'), 'vscode-vfs://github%2B7b22/acme/plans/Q3%20plan%20%231.md');
    assert.equal(uris.uriToPath('untitled:Untitled-1'), undefined);
    assert.equal(uris.uriToPath('vscode-vfs://github/%E0%A4%A'), undefined);
  });
});

describe('RemoteFiles', () => {
  /** A host over `workspace` (path → text, or a size for a file too large to send), with the requests it made. */
  function host(workspace: Record<string, string | number>): { remote: RemoteFiles; asked: string[][] } {
    const asked: string[][] = [];
    let round: string[] = [];
    const connection = {
      sendRequest: async (_type: unknown, { uri, maxBytes }: { uri: string; maxBytes: number }): Promise<ReadFileResult> => {
        round.push(uri);
        if (round.length === 1) queueMicrotask(() => (asked.push(round), (round = [])));
        const entry = workspace[decodeURIComponent(uri.slice('vscode-test://ws'.length))];
        if (entry === undefined) return { kind: 'none' };
        return typeof entry === 'number' ? (assert.ok(entry > maxBytes), { kind: 'tooLarge', bytes: entry }) : { kind: 'file', text: entry };
      },
    } as unknown as Connection;
    const uris = new WebUris();
    uris.uriToPath('vscode-test://ws/repo');
    return { remote: new RemoteFiles(connection, uris.pathToUri), asked };
  }

  async function resolved(remote: RemoteFiles, filePath: string) {
    const before = fileHost();
    setFileHost(remote);
    try {
      const resolve = () => resolveConfig({ filePath, stopDir: '/repo' });
      await remote.prefetch(resolve);
      return resolve();
    } finally {
      setFileHost(before);
    }
  }

  it('fetches the configs above the plan, then each extends level in a round of its own', async () => {
    const { remote, asked } = host({
      '/repo/.stratlint.yaml': 'extends: ./packs/a.yaml\n',
      '/repo/packs/a.yaml': 'extends: ./b.yaml\nrules:\n  buzzword-fluff: off\n',
      '/repo/packs/b.yaml': 'rules:\n  ownership: error\n',
    });
    const config = await resolved(remote, '/repo/plans/q3.md');
    assert.deepEqual(config.sources, ['/repo/.stratlint.yaml', '/repo/packs/a.yaml', '/repo/packs/b.yaml']);
    assert.equal(config.settings.find((s) => s.rule.meta.id === 'ownership')?.severity, 'error');
    assert.ok(!config.settings.some((s) => s.rule.meta.id === 'buzzword-fluff'));
    const names = asked.map((r) => r.map((u) => u.slice('vscode-test://ws'.length)).sort());
    assert.deepEqual(names, [
      ['/repo/.stratlint.json', '/repo/.stratlint.yaml', '/repo/.stratlint.yml', '/repo/plans/.stratlint.json', '/repo/plans/.stratlint.yaml', '/repo/plans/.stratlint.yml'],
      ['/repo/packs/a.yaml'],
      ['/repo/packs/b.yaml'],
    ]);
  });

  it('keeps what it fetched until told that files changed', async () => {
    const workspace: Record<string, string> = { '/repo/.stratlint.yaml': 'rules:\n  ownership: error\n' };
    const { remote, asked } = host(workspace);
    await resolved(remote, '/repo/q3.md');
    workspace['/repo/.stratlint.yaml'] = 'rules:\n  ownership: off\n';
    const stale = await resolved(remote, '/repo/q3.md');
    assert.equal(asked.length, 1);
    assert.equal(stale.settings.find((s) => s.rule.meta.id === 'ownership')?.severity, 'error');
    remote.forget();
    const fresh = await resolved(remote, '/repo/q3.md');
    assert.equal(asked.length, 2);
    assert.ok(!fresh.settings.some((s) => s.rule.meta.id === 'ownership'));
  });

  it('refuses a config over 1 MB as the disk reader does, without its text', async () => {
    const { remote } = host({ '/repo/.stratlint.yaml': 'extends: ./huge.yaml\n', '/repo/huge.yaml': 3 << 20 });
    await assert.rejects(resolved(remote, '/repo/q3.md'), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /huge\.yaml.*cannot read this config or pack file: too large \(3 MB; the limit is 1 MB\)/);
      return true;
    });
  });
});
