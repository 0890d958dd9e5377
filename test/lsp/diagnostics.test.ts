/** Diagnostics over stdio: what is linted, what is published, and when. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintDocument } from '../../server/src/engine/index';
import { DEBOUNCE_MS } from '../../server/src/server/server';
import { engineDiagnostics, PUSH_CLIENT, Session } from './session';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'growth-strategy.md'), 'utf8');
const OUTCOMES = '\n## Customer outcomes\n\n- **Outcome:** Store owners cut stock-outs from 9% to 3% of lines by Q4 2027, measured weekly.\n';

describe('push diagnostics', () => {
  let s: Session;
  before(async () => {
    s = await Session.start({
      files: { 'plans/growth-strategy.md': PLAN, 'README.md': PLAN, 'notes/ideas.md': `---\nstratlint: true\n---\n${PLAN}` },
    });
  });
  after(() => s.stop());

  it('publishes exactly the engine findings of a plan, with source, rule ID and docs link', async () => {
    const uri = s.open('plans/growth-strategy.md');
    const diagnostics = await s.diagnostics(uri);
    const expected = engineDiagnostics(s.dir, 'plans/growth-strategy.md', PLAN);
    assert.ok(expected.some((d) => (d as { code: string }).code === 'customer-outcomes'), 'the fixture misses customer outcomes');
    assert.deepEqual(diagnostics, expected);
    const outcomes = diagnostics.find((d) => d.code === 'customer-outcomes')!;
    assert.deepEqual(outcomes.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 45 } });
    assert.match(outcomes.codeDescription!.href, /\/rules\/customer-outcomes\/README\.md$/);
  });

  it('names each goal of a list finding as related information in the same document', async () => {
    const text = '# Goals plan\n\n## Goals\n\n- Launch the loyalty app.\n- Open two distribution centers.\n';
    const uri = s.open('plans/goals.md', text);
    const list = (await s.diagnostics(uri)).find((d) => d.code === 'output-as-outcome')!;
    assert.deepEqual(list.range, { start: { line: 4, character: 2 }, end: { line: 5, character: 32 } });
    assert.deepEqual(
      list.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [
        [uri, 4, 'A deliverable, not a result: "Launch the loyalty app."'],
        [uri, 5, 'A deliverable, not a result: "Open two distribution centers."'],
      ],
    );
  });

  it('leaves Markdown that is not a plan alone', async () => {
    const uri = s.open('README.md');
    assert.deepEqual(await s.diagnostics(uri), []);
    const actions = await s.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, context: { diagnostics: [] } });
    assert.deepEqual(actions, []);
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } }), null);
    assert.deepEqual(await s.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await s.request('textDocument/codeLens', { textDocument: { uri } }), []);
  });

  it('lints any Markdown whose front matter says it is a plan', async () => {
    const uri = s.open('notes/ideas.md');
    const codes = (await s.diagnostics(uri)).map((d) => d.code);
    assert.ok(codes.includes('customer-outcomes'), `got ${codes.join(', ')}`);
  });

  it('lints only the newest of quick successive versions, and publishes it with its version', async () => {
    const uri = s.open('plans/growth-strategy.md');
    await s.diagnostics(uri);
    const before = s.publications(uri).length;
    let text = PLAN;
    for (const word of ['Ohio', 'Indiana', 'Michigan', 'Illinois']) s.change(uri, (text = text.replace('Ohio', word)));
    const last = s.change(uri, text + OUTCOMES);
    const diagnostics = await s.diagnostics(uri);
    const published = s.publications(uri).slice(before);
    assert.deepEqual(published.map((p) => p.version), [last], 'the versions typed within the pause were never published');
    assert.ok(!diagnostics.some((d) => d.code === 'customer-outcomes'), 'the newest text has customer outcomes');
  });

  it('shows the findings of an edit when the typing pause ends, never earlier, even when linted ahead of it', async () => {
    const uri = s.open('plans/growth-strategy.md');
    await s.diagnostics(uri);
    for (const text of [PLAN + OUTCOMES, PLAN]) {
      const typed = performance.now();
      const version = s.change(uri, text);
      await s.until(`version ${version} published`, () => (s.publications(uri).at(-1)?.version === version ? true : undefined));
      const shownAfter = performance.now() - typed;
      assert.ok(shownAfter >= DEBOUNCE_MS, `published ${shownAfter.toFixed(0)} ms after the edit, within the ${DEBOUNCE_MS} ms pause`);
    }
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = s.uri('plans/growth-strategy.md');
    s.close(uri);
    await s.until('an empty publication', () => (s.publications(uri).at(-1)?.diagnostics.length === 0 ? true : undefined));
  });
});

describe('pull diagnostics', () => {
  let s: Session;
  before(async () => {
    s = await Session.start({
      files: { 'plans/growth-strategy.md': PLAN, 'README.md': PLAN },
      capabilities: { ...PUSH_CLIENT, textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: { dynamicRegistration: false } } },
    });
  });
  after(() => s.stop());

  type Report = { kind: 'full' | 'unchanged'; resultId?: string; items?: { code: string }[] };

  it('answers textDocument/diagnostic and pushes nothing to a client that pulls', async () => {
    const uri = s.open('plans/growth-strategy.md');
    const report = await s.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    const expected = lintDocument(PLAN, { filePath: join(s.dir, 'plans/growth-strategy.md'), stopDir: s.dir }).findings.map((f) => f.ruleId);
    assert.deepEqual(report.items!.map((d) => d.code), expected);
    const again = await s.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
    s.change(uri, PLAN + OUTCOMES);
    const changed = await s.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(changed.kind, 'full');
    const expectedNow = lintDocument(PLAN + OUTCOMES, { filePath: join(s.dir, 'plans/growth-strategy.md'), stopDir: s.dir }).findings.map((f) => f.ruleId);
    assert.ok(expected.includes('customer-outcomes') && !expectedNow.includes('customer-outcomes'));
    assert.deepEqual(changed.items!.map((d) => d.code), expectedNow);
    assert.equal(s.publications(uri).length, 0);
  });

  it('reports nothing for Markdown that is not a plan', async () => {
    const uri = s.open('README.md');
    const report = await s.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items, []);
  });
});
