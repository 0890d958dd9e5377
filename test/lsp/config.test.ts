/** Settings, config files (changed, broken, in front matter), "lint as a plan", and rules that throw. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { builtinRules } from '../../server/src/engine/index';
import { Session } from './session';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'growth-strategy.md'), 'utf8');
const codes = (list: { code?: unknown }[]) => list.map((d) => String(d.code));

describe('config files', () => {
  let s: Session;
  let uri: string;
  const configUri = () => s.uri('.stratlint.yaml');
  const configChanged = () => s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: 2 }] });

  before(async () => {
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN } });
    uri = s.open('plans/growth-strategy.md');
    assert.ok(codes(await s.diagnostics(uri)).includes('customer-outcomes'));
  });
  after(() => s.stop());

  it('asks the client to watch config files and packs', () => {
    const watch = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/{.stratlint.yaml,.stratlint.yml,.stratlint.json}' }, { globPattern: '**/*.{yaml,yml,json}' }] });
  });

  it('re-lints open plans when a config file changes', async () => {
    const n = s.publications(uri).length;
    s.write('.stratlint.yaml', 'rules:\n  customer-outcomes: off\n');
    configChanged();
    assert.ok(!codes(await s.nextDiagnostics(uri, n)).includes('customer-outcomes'));
  });

  it('shows a broken config at its key, and keeps linting with the last valid config', async () => {
    const n = s.publications(uri).length;
    s.write('.stratlint.yaml', 'rules:\n  customer-outcomes: eror\n');
    configChanged();
    const [problem] = await s.until('the config diagnostic', () => s.publications(configUri()).at(-1)?.diagnostics);
    assert.equal(problem.code, 'config');
    assert.equal(problem.severity, 1);
    assert.equal(problem.range.start.line, 1);
    assert.match(problem.message, /customer-outcomes/);
    assert.match(problem.message, /last valid config/);
    assert.equal(problem.range.end.character - problem.range.start.character, problem.range.start.character === 2 ? 'customer-outcomes'.length : 'eror'.length);
    assert.ok(!codes(await s.nextDiagnostics(uri, n)).includes('customer-outcomes'), 'still linted with customer-outcomes off');
  });

  it('clears the config diagnostic once the file is fixed', async () => {
    const n = s.publications(uri).length;
    const m = s.publications(configUri()).length;
    s.write('.stratlint.yaml', 'rules:\n  customer-outcomes: warning\n');
    configChanged();
    assert.deepEqual(await s.nextDiagnostics(configUri(), m), []);
    const outcomes = (await s.nextDiagnostics(uri, n)).find((d) => d.code === 'customer-outcomes');
    assert.equal(outcomes?.severity, 2);
  });

  it('shows a bad front-matter setting in the plan, at its key', async () => {
    const bad = s.open('plans/bad-front-matter-plan.md', `---\nstratlint:\n  rules:\n    customer-outcomes: eror\n---\n${PLAN}`);
    const diagnostics = await s.diagnostics(bad);
    const problem = diagnostics.find((d) => d.code === 'config');
    assert.deepEqual(problem?.range, { start: { line: 3, character: 23 }, end: { line: 3, character: 27 } }, 'on the bad value');
    assert.ok(diagnostics.some((d) => d.code === 'customer-outcomes'), 'the plan is still linted');
    assert.equal(s.publications(bad).length, 1, 'one publication holds both: nothing overwrites the findings');
  });
});

describe('settings', () => {
  let s: Session;
  before(async () => {
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN, 'notes/ideas.md': PLAN, 'team/strict.yaml': 'extends: stratlint:strict\n' } });
  });
  after(() => s.stop());
  afterEach(() => {
    s.settings = {};
  });
  const settingsChanged = () => s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });

  it('stratlint.enable: false clears and stops linting', async () => {
    const uri = s.open('plans/growth-strategy.md');
    assert.ok((await s.diagnostics(uri)).length > 0);
    const n = s.publications(uri).length;
    s.settings = { enable: false };
    settingsChanged();
    assert.deepEqual(await s.nextDiagnostics(uri, n), []);
    s.settings = {};
    settingsChanged();
    assert.ok((await s.nextDiagnostics(uri, n + 1)).length > 0);
    s.close(uri);
  });

  it('stratlint.run: onSave lints on save, not while typing', async () => {
    s.settings = { run: 'onSave' };
    settingsChanged();
    const opened = s.publications(s.uri('plans/growth-strategy.md')).length; // earlier tests opened it too
    const uri = s.open('plans/growth-strategy.md');
    const first = codes(await s.nextDiagnostics(uri, opened));
    const n = s.publications(uri).length;
    s.change(uri, `${PLAN}\n## Customer outcomes\n\n- **Outcome:** Store owners cut stock-outs from 9% to 3% by Q4 2027.\n`);
    // a hover forces a lint of the current text without publishing it
    await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.equal(s.publications(uri).length, n, 'nothing published while typing');
    s.save(uri);
    const saved = codes(await s.nextDiagnostics(uri, n));
    assert.ok(first.includes('customer-outcomes') && !saved.includes('customer-outcomes'));
    s.close(uri);
  });

  it('stratlint.configPath: uses that config instead of the nearest one', async () => {
    s.settings = { configPath: 'team/strict.yaml' };
    settingsChanged();
    const uri = s.open('plans/growth-strategy.md');
    const outcomes = (await s.diagnostics(uri)).filter((d) => d.code !== 'customer-outcomes');
    const builtin = new Map(builtinRules().rules.map((r) => [r.meta.id, r.meta.severity]));
    // strict raises every rule one level: warnings become errors
    assert.ok(outcomes.some((d) => builtin.get(String(d.code)) === 'warning'));
    for (const d of outcomes) if (builtin.get(String(d.code)) === 'warning') assert.equal(d.severity, 1, String(d.code));
    s.close(uri);
  });

  it('"lint this file as a plan" lints a file the globs leave out', async () => {
    const uri = s.open('notes/ideas.md');
    assert.deepEqual(await s.diagnostics(uri), []);
    const n = s.publications(uri).length;
    await s.request('workspace/executeCommand', { command: 'stratlint.server.lintAsPlan', arguments: [uri] });
    assert.ok(codes(await s.nextDiagnostics(uri, n)).includes('customer-outcomes'));
  });
});

describe('a rule that throws', () => {
  const rule = builtinRules().rules.find((r) => r.meta.id === 'customer-outcomes')!;
  const check = rule.check;
  let s: Session;
  before(async () => {
    rule.check = () => {
      throw new Error('boom in a rule');
    };
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN }, inProcess: true });
  });
  after(async () => {
    rule.check = check;
    await s.stop();
  });

  it('costs only its own findings and becomes a log line', async () => {
    const uri = s.open('plans/growth-strategy.md');
    const found = codes(await s.diagnostics(uri));
    assert.ok(found.length > 0 && !found.includes('customer-outcomes'));
    const line = await s.until('the log line', () => s.log.find((l) => l.includes('rule customer-outcomes failed')));
    assert.match(line, /boom in a rule/);
    // the server still answers
    assert.ok(Array.isArray(await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, context: { diagnostics: [] } })));
  });
});
