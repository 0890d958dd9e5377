/**
 * Large documents are linted on a worker thread (server/src/server/lintWorker.ts): the server
 * keeps answering meanwhile, a lint a newer version made stale is stopped, and the worker's
 * findings are the main thread's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assessPlan, lintDocument, parsePlan } from '../../server/src/engine/index';
import { LintWorkerError, LintWorkers } from '../../server/src/server/lintWorker';
import { engineDiagnostics, Session } from '../lsp/session';
import { describeOutcome, hugePlan, ROOT, watch } from './limits';

const WORKER = join(ROOT, 'dist', 'lint-worker.js');
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');

/** CPU seconds the process has used (user + system, all its threads). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('the lint worker', () => {
  const target = (name: string) => ({ filePath: join(ROOT, 'examples', name), forcePlan: false, stopDir: ROOT, configFile: undefined });

  for (const name of ['weak-feature-race-plan.md', 'weak-declared-centricity-plan.md', 'clinic-scheduling-strategy.md']) {
    it(`finds in ${name} what the main thread finds: findings with their fixes and related information, assessments, plan`, async () => {
      const text = example(name);
      const here = lintDocument(text, target(name));
      const there = await new LintWorkers(WORKER).lint(text, target(name), new AbortController().signal);
      assert.ok(there);
      assert.deepStrictEqual(there.result.findings, here.findings);
      assert.deepStrictEqual(there.result.isPlan, here.isPlan);
      assert.deepStrictEqual(there.result.config.settings.map((s) => [s.rule.meta.id, s.severity, s.options]), here.config.settings.map((s) => [s.rule.meta.id, s.severity, s.options]));
      assert.deepStrictEqual(there.assessments, assessPlan(parsePlan(text), here.config.settings));
      assert.deepStrictEqual(there.result.plan, parsePlan(text));
    });
  }

  it('the example with related information still has it (the comparison above covers `related`)', () => {
    const findings = lintDocument(example('weak-feature-race-plan.md'), target('weak-feature-race-plan.md')).findings;
    assert.ok(findings.some((f) => f.related?.length) && findings.every((f) => f.fixes.length > 0));
  });

  it('stops when aborted, answering undefined', async () => {
    const abort = new AbortController();
    const lint = new LintWorkers(WORKER).lint(hugePlan(2_000_000), target('big.md'), abort.signal);
    setTimeout(() => abort.abort(), 200);
    const { value, ms } = await timed(lint);
    assert.equal(value, undefined);
    assert.ok(ms < 2000, `${ms} ms`);
  });

  it('a worker that cannot start is an error the caller can report, not a crash', async () => {
    const workers = new LintWorkers(join(ROOT, 'test', 'hostile', 'limits.ts'));
    await assert.rejects(workers.lint('# Plan\n', target('plan.md'), new AbortController().signal), LintWorkerError);
  });
});

describe('the language server while it lints a huge document', () => {
  /** Runs a session on these files, its server killed (and the test failed) past the time and memory limits. */
  async function underLimits(files: Record<string, string>, work: (s: Session) => Promise<void>): Promise<void> {
    const s = await Session.start({ files });
    const exited = watch(s.server!, { timeoutMs: 180_000, maxRssMb: 1200 });
    try {
      await work(s);
    } finally {
      await s.stop();
    }
    const o = await exited;
    assert.equal(o.killed, undefined, describeOutcome(o));
  }

  it('answers requests on another document within 1 s', async () => {
    const small = example('weak-feature-race-plan.md');
    await underLimits({ 'small-plan.md': small, 'huge-plan.md': hugePlan(5_500_000) }, async (s) => {
      const smallUri = s.open('small-plan.md');
      await s.diagnostics(smallUri);
      const hugeUri = s.open('huge-plan.md');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the huge document's lint is under way
      const symbols = await timed(s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } }));
      const hover = await timed(s.request<unknown>('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 4, character: 4 } }));
      assert.ok(symbols.ms < 1000 && hover.ms < 1000, `documentSymbol ${symbols.ms} ms, hover ${hover.ms} ms`);
      assert.ok(symbols.value.length > 0 && hover.value !== null);
      assert.equal(s.publications(hugeUri).length, 0, 'the huge document was linted before the requests: they proved nothing');
    });
  });

  it('with a broken config too: still lints it on the worker (built-in rules), answers within 1 s, shows the config problem', async () => {
    const small = example('weak-feature-race-plan.md');
    // Large enough for the worker and to be still linting when the request comes, small enough to be published within the wait.
    const huge = hugePlan(1_500_000);
    await underLimits({ '.stratlint.yaml': 'rules:\n  buzzword-fluff: eror\n', 'small-plan.md': small, 'huge-plan.md': huge }, async (s) => {
      const smallUri = s.open('small-plan.md');
      await s.diagnostics(smallUri);
      const hugeUri = s.open('huge-plan.md');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const symbols = await timed(s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } }));
      assert.ok(symbols.ms < 1000, `documentSymbol ${symbols.ms} ms`);
      assert.equal(s.publications(hugeUri).length, 0, 'the huge document was linted before the request: it proved nothing');
      const diagnostics = await s.diagnostics(hugeUri, 90_000);
      const builtIn = lintDocument(huge, { filePath: join(s.dir, 'huge-plan.md'), noConfig: true }).findings;
      assert.deepStrictEqual(diagnostics.map((d) => d.code), builtIn.map((f) => f.ruleId));
      const [problem] = await s.until('the config diagnostic', () => s.publications(s.uri('.stratlint.yaml')).at(-1)?.diagnostics, 90_000);
      // Neither plan had a valid config to fall back on.
      assert.match(problem.message, /^Stratlint config: rules\.buzzword-fluff: .*\. Until this is fixed, plans are linted with the built-in rules\.$/);
    });
  });

  it('says which plans a broken config leaves with the built-in rules: one on the worker has no last valid config to use', async () => {
    const small = example('weak-feature-race-plan.md').replace('## ', 'We offer world-class service.\n\n## ');
    const huge = hugePlan(400_000);
    await underLimits({ '.stratlint.yaml': 'rules:\n  buzzword-fluff: off\n', 'small-plan.md': small, 'huge-plan.md': huge }, async (s) => {
      const smallUri = s.open('small-plan.md');
      const hugeUri = s.open('huge-plan.md');
      assert.ok(!(await s.diagnostics(smallUri)).some((d) => d.code === 'buzzword-fluff'));
      assert.ok(!(await s.diagnostics(hugeUri, 90_000)).some((d) => d.code === 'buzzword-fluff'));
      const [smallSeen, hugeSeen] = [s.publications(smallUri).length, s.publications(hugeUri).length];
      s.write('.stratlint.yaml', 'rules:\n  buzzword-fluff: of\n');
      s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('.stratlint.yaml'), type: 2 }] });
      assert.ok(!(await s.nextDiagnostics(smallUri, smallSeen)).some((d) => d.code === 'buzzword-fluff'), 'the small plan keeps its last valid config');
      assert.ok((await s.nextDiagnostics(hugeUri, hugeSeen)).some((d) => d.code === 'buzzword-fluff'), 'the huge plan is linted with the built-in rules');
      const [problem] = await s.until('the config diagnostic', () => s.publications(s.uri('.stratlint.yaml')).at(-1)?.diagnostics, 90_000);
      assert.match(problem.message, /^Stratlint config: rules\.buzzword-fluff: .*\. Until this is fixed, plans are linted with the last valid config \(huge-plan\.md: with the built-in rules\)\.$/);
    });
  });

  it('stops a lint a newer version made stale: only the newer version is published', async () => {
    await underLimits({ 'huge-plan.md': hugePlan(5_500_000) }, async (s) => {
      const uri = s.open('huge-plan.md');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Still over the worker's size, with other findings: one of the newer version's own.
      const newer = hugePlan(400_000).replace('We offer world-class service.', 'We deliver best-in-class synergy.');
      s.write('huge-plan.md', newer);
      s.change(uri, newer);
      s.save(uri);
      // Lints of megabytes on a machine loaded by the whole suite: the wait, not the server, sets this limit (the process limits stay).
      const diagnostics = await s.diagnostics(uri, 90_000);
      assert.deepStrictEqual(diagnostics, engineDiagnostics(s.dir, 'huge-plan.md', newer));
      assert.deepStrictEqual(
        s.publications(uri).map((p) => p.version),
        [2],
      );
      // The first version's lint was stopped, not left to run (and be dropped) minutes later: the server idles.
      const before = cpuSeconds(s.server!.pid!);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const used = cpuSeconds(s.server!.pid!) - before;
      assert.ok(used < 0.5, `the server used ${used} s of CPU in 1.5 s after publishing`);
    });
  });
});
