/**
 * Memory of the language server with many plans open: a document not linted lately keeps its
 * findings but drops its plan model (Linter.slim), which requests read again from its text; and
 * the idle compaction (IdleCompactor) must leave a server that answers as before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import type { CodeAction, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-protocol';
import { Linter } from '../../server/src/server/linting';
import { engineDiagnostics, PUSH_CLIENT, Session } from './session';

const ROOT = join(__dirname, '..', '..');
const PLAN = readFileSync(join(__dirname, 'fixtures', 'growth-strategy.md'), 'utf8');
/** A front-matter config problem: its diagnostic is placed by reading the plan model. */
const BAD_FRONT_MATTER = `---\nstratlint:\n  rules:\n    customer-outcomes: eror\n---\n${PLAN}`;
const OUTCOMES = '\n## Customer outcomes\n\n- **Outcome:** Store owners cut stock-outs from 9% to 3% of lines by Q4 2027, measured weekly.\n';
/** Linter's CACHED_DOCUMENTS: the documents linted last keep their plan model. */
const CACHED_DOCUMENTS = 8;

/** Plans that get findings: the examples and the rule fixtures that fire, as `plans/<name>.md`. */
const OTHERS: Record<string, string> = Object.fromEntries([
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => [`plans/${f}`, readFileSync(join(ROOT, 'examples', f), 'utf8')]),
  ...readdirSync(join(ROOT, 'test', 'rules'))
    .sort()
    .flatMap((rule) =>
      readdirSync(join(ROOT, 'test', 'rules', rule))
        .filter((f) => f.startsWith('fires-'))
        .map((f) => [`plans/${rule}-${f}`, readFileSync(join(ROOT, 'test', 'rules', rule, f), 'utf8')]),
    ),
]);
const others = (n: number) => Object.keys(OTHERS).sort().slice(0, n);

const PULL_CLIENT = { ...PUSH_CLIENT, textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: { dynamicRegistration: false } } };
/** Takes its settings from initializationOptions and didChangeConfiguration instead of answering workspace/configuration. */
const PUSHED_SETTINGS_CLIENT = { ...PUSH_CLIENT, workspace: { ...PUSH_CLIENT.workspace, configuration: false } };
type Report = { kind: 'full' | 'unchanged'; resultId?: string; items?: Diagnostic[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reaches the Linter of an in-process server through a spy on its private `slim`, and tells
 * whether a document's result was slimmed: its plan is then a getter that parses the text again.
 */
function slimSpy() {
  const proto = Linter.prototype as unknown as { slim(this: Linter, uri: string): void };
  const slim = proto.slim;
  /** Per document, how often its slimmed plan model was read (parsed again). */
  const reads = new Map<string, number>();
  const spy = mock.method(proto, 'slim', function (this: Linter, uri: string) {
    slim.call(this, uri);
    const result = this.latest(uri)?.result;
    const plan = result && Object.getOwnPropertyDescriptor(result, 'plan');
    if (!plan?.get) return;
    reads.set(uri, 0);
    Object.defineProperty(result, 'plan', { get: () => (reads.set(uri, reads.get(uri)! + 1), plan.get!.call(result)), enumerable: true });
  });
  const linter = () => spy.mock.calls.at(-1)?.this as Linter | undefined;
  return {
    slimmed: (uri: string) => {
      const result = linter()?.latest(uri)?.result;
      assert.ok(result, `no lint result for ${uri}`);
      return typeof Object.getOwnPropertyDescriptor(result, 'plan')?.get === 'function';
    },
    reads: (uri: string) => reads.get(uri),
    restore: () => spy.mock.restore(),
  };
}

/** Opens the documents and waits until each is linted (pushed or pulled). */
async function openAll(s: Session, paths: string[], pull: boolean): Promise<string[]> {
  const uris = paths.map((p) => s.open(p));
  for (const uri of uris) {
    if (pull) await s.request('textDocument/diagnostic', { textDocument: { uri } });
    else await s.diagnostics(uri);
  }
  return uris;
}

/** Everything a client can ask about a plan that reads its findings or its plan model. */
async function answers(s: Session, uri: string, text: string, diagnostics: Diagnostic[]) {
  const findings = diagnostics.filter((d) => d.code !== 'config');
  const doc = { textDocument: { uri } };
  const hovers = await Promise.all(
    findings.flatMap((d) => [d.range.start, d.range.end]).map((position: Position) => s.request<Hover | null>('textDocument/hover', { ...doc, position })),
  );
  const actionsAt = (range: Range, only?: string[]) => s.request<CodeAction[]>('textDocument/codeAction', { ...doc, range, context: { diagnostics: [], only } });
  const actions = await Promise.all(findings.map((d) => actionsAt(d.range)));
  const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const [fixAll] = await actionsAt(whole, ['source.fixAll']);
  const headingLine = text.split('\n').findIndex((l) => l.startsWith('## '));
  return {
    hovers,
    actions,
    fixAll: fixAll && (await s.request<CodeAction>('codeAction/resolve', fixAll)),
    symbols: await s.request<unknown[]>('textDocument/documentSymbol', doc),
    lenses: await s.request<unknown[]>('textDocument/codeLens', doc),
    completion: await s.request<unknown[]>('textDocument/completion', { ...doc, position: { line: headingLine, character: 3 } }),
    scorecard: await s.request<unknown>('stratlint/scorecard', { uri }),
  };
}

describe('a plan whose model was dropped (more than 8 plans linted since)', () => {
  let spy: ReturnType<typeof slimSpy>;
  let s: Session;
  const first = [
    ['plans/growth-strategy.md', PLAN],
    ['plans/bad-front-matter-plan.md', BAD_FRONT_MATTER],
  ] as const;
  const all = [...first.map(([path]) => path), ...others(10)];
  /** Slimmed once all are edited in order: those edited first, as many as exceed the cache. */
  const oldest = all.slice(0, all.length - CACHED_DOCUMENTS);
  const captured = new Map<string, { diagnostics: Diagnostic[]; answers: Awaited<ReturnType<typeof answers>> }>();

  before(async () => {
    spy = slimSpy();
    // Settings from initializationOptions, not asked per document: a settings change then lints
    // every open plan at once (see 'all linted again at once').
    s = await Session.start({ files: { ...Object.fromEntries(first), ...OTHERS }, capabilities: PUSHED_SETTINGS_CLIENT, inProcess: true });
    for (const [path, text] of first) {
      const [uri] = await openAll(s, [path], false);
      const diagnostics = await s.diagnostics(uri);
      captured.set(path, { diagnostics, answers: await answers(s, uri, text, diagnostics) });
    }
    await openAll(s, others(10), false);
  });
  after(async () => {
    spy.restore();
    await s.stop();
  });

  it('plans only opened keep their findings, not their plan model', () => {
    assert.deepEqual(
      all.filter((path) => spy.slimmed(s.uri(path))),
      all,
    );
  });

  it('their diagnostics, shown on the title too, never read the plan model again (as long as the lint)', () => {
    for (const path of others(10)) assert.equal(spy.reads(s.uri(path)), 0, path);
    assert.ok(others(10).some((path) => s.publications(s.uri(path))[0].diagnostics.some((d) => d.message.startsWith('Missing: '))));
  });

  it('the answers were worth comparing: each finding has a hover and actions, and every feature answers', () => {
    const { diagnostics, answers: a } = captured.get('plans/growth-strategy.md')!;
    assert.equal(a.hovers.length, 2 * diagnostics.length);
    assert.ok(a.hovers.every((h) => h !== null));
    assert.ok(a.actions.every((list) => list.some((x) => x.title.startsWith('Disable '))));
    assert.equal(a.fixAll?.title, 'Fix all auto-fixable Stratlint problems');
    assert.ok(a.fixAll?.edit, 'fix all resolved to an edit');
    assert.equal(a.lenses.length, 1);
    assert.equal(a.symbols.length, 1);
    assert.ok(a.completion.length > 0);
    assert.ok(a.scorecard);
    const bad = captured.get('plans/bad-front-matter-plan.md')!.diagnostics.find((d) => d.code === 'config');
    assert.deepEqual(bad?.range, { start: { line: 3, character: 23 }, end: { line: 3, character: 27 } });
  });

  const answersAsBefore = (path: string, text: string) => async () => {
    const uri = s.uri(path);
    assert.ok(spy.slimmed(uri));
    const { diagnostics, answers: expected } = captured.get(path)!;
    assert.deepEqual(await answers(s, uri, text, diagnostics), expected);
  };

  for (const [path, text] of first) {
    it(`${path}: hover, code actions, fix all, symbols, lens, completion and scorecard answer as before`, answersAsBefore(path, text));

    it(`${path}: its pushed diagnostics stand (published once, the engine's findings)`, () => {
      const published = s.publications(s.uri(path));
      assert.equal(published.length, 1);
      assert.deepEqual(published[0].diagnostics, captured.get(path)!.diagnostics);
    });
  }

  it('edited plans keep their plan model, the 8 edited last; so it stays when all are linted again at once', async () => {
    // The same text again: a new version whose findings are those captured.
    for (const path of all) {
      const uri = s.uri(path);
      const count = s.publications(uri).length;
      s.change(uri, s.read(path));
      await s.nextDiagnostics(uri, count);
    }
    assert.deepEqual(
      all.filter((path) => spy.slimmed(s.uri(path))),
      oldest,
    );
    // Every run parses before any finishes: documents without a cache are slimmed when their run ends.
    const counts = all.map((path) => s.publications(s.uri(path)).length);
    s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { stratlint: {} } });
    for (const [i, path] of all.entries()) await s.nextDiagnostics(s.uri(path), counts[i]);
    assert.deepEqual(
      all.filter((path) => spy.slimmed(s.uri(path))),
      oldest,
    );
    for (const [path] of first) assert.deepEqual(s.publications(s.uri(path)).at(-1)!.diagnostics, captured.get(path)!.diagnostics);
  });

  it('an edit to a slimmed plan is linted in full again', async () => {
    const uri = s.uri('plans/growth-strategy.md');
    s.change(uri, PLAN + OUTCOMES);
    assert.deepEqual(await s.diagnostics(uri), engineDiagnostics(s.dir, 'plans/growth-strategy.md', PLAN + OUTCOMES));
    assert.equal(spy.slimmed(uri), false);
  });
});

describe('pulled diagnostics of a plan whose model was dropped', () => {
  let spy: ReturnType<typeof slimSpy>;
  let s: Session;
  const paths = ['plans/growth-strategy.md', 'plans/bad-front-matter-plan.md'];
  const reports = new Map<string, Report>();

  before(async () => {
    spy = slimSpy();
    s = await Session.start({ files: { [paths[0]]: PLAN, [paths[1]]: BAD_FRONT_MATTER, ...OTHERS }, capabilities: PULL_CLIENT, inProcess: true });
    for (const path of paths) {
      const [uri] = await openAll(s, [path], true);
      reports.set(path, await s.request<Report>('textDocument/diagnostic', { textDocument: { uri } }));
    }
    await openAll(s, others(10), true);
  });
  after(async () => {
    spy.restore();
    await s.stop();
  });

  for (const path of paths) {
    it(`${path}: the same full report, and "unchanged" for its result ID`, async () => {
      const uri = s.uri(path);
      assert.ok(spy.slimmed(uri));
      const report = reports.get(path)!;
      assert.equal(report.kind, 'full');
      assert.deepEqual(await s.request('textDocument/diagnostic', { textDocument: { uri } }), report);
      assert.deepEqual(await s.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId }), { kind: 'unchanged', resultId: report.resultId });
    });
  }

  it('the reports never read the plan model again, but for the config problem placed in it', () => {
    assert.equal(spy.reads(s.uri(paths[0])), 0);
    assert.ok(reports.get(paths[0])!.items!.some((d) => d.message.startsWith('Missing: ')));
    assert.ok(others(10).every((path) => spy.reads(s.uri(path)) === 0));
  });

  it('the reports hold the engine findings, and the front-matter problem at its value', () => {
    assert.deepEqual(reports.get(paths[0])!.items, engineDiagnostics(s.dir, paths[0], PLAN));
    const bad = reports.get(paths[1])!.items!;
    assert.deepEqual(bad[0].range, { start: { line: 3, character: 23 }, end: { line: 3, character: 27 } });
    assert.equal(bad[0].code, 'config');
    assert.ok(bad.some((d) => d.code === 'customer-outcomes'));
  });
});

/**
 * Loaded into the server process (--require): memoryUsage reports as the heap's size the number
 * the test writes to `heap`, and the log records each time it is asked and each forced collection.
 */
const PRELOAD = `
const { appendFileSync, readFileSync } = require('node:fs');
const { PerformanceObserver, constants } = require('node:perf_hooks');
const dir = process.env.STRATLINT_TEST_IDLE_DIR;
const log = (what) => appendFileSync(dir + '/log', Date.now() + ' ' + what + '\\n');
const memoryUsage = process.memoryUsage;
process.memoryUsage = () => {
  log('asked');
  return { ...memoryUsage(), heapTotal: Number(readFileSync(dir + '/heap', 'utf8')) };
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) log('gc');
}).observe({ entryTypes: ['gc'] });
// an idle process may take seconds to deliver those entries: wake it often
setInterval(() => {}, 20).unref();
`;

describe('idle compaction in a server process with many plans open', () => {
  /** IdleCompactor's GROWTH_BYTES: it compacts once the heap grew this much since it last did. */
  const GROWTH_BYTES = 32 << 20;
  let s: Session;
  let dir: string;
  const paths = ['plans/growth-strategy.md', ...others(11)];
  const uri = () => s.uri(paths[0]);
  const setHeap = (bytes: number) => writeFileSync(join(dir, 'heap'), String(bytes));
  const log = () =>
    readFileSync(join(dir, 'log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ at: Number(line.split(' ')[0]), what: line.split(' ')[1] }));
  /** How often the compactor asked for the heap's size, and how many collections it forced. */
  const tally = () => ({ asked: log().filter((l) => l.what === 'asked').length, gc: log().filter((l) => l.what === 'gc').length });
  /** Waits for the tally, then a little longer: nothing more may come. */
  async function tallied(expected: { asked: number; gc: number }): Promise<void> {
    await s.until(`the compactor's tally ${JSON.stringify(expected)}`, () => (tally().asked >= expected.asked && tally().gc >= expected.gc ? true : undefined), 15_000);
    await sleep(200);
    assert.deepEqual(tally(), expected);
  }
  /** Edits the plan and waits for its diagnostics, which must be the engine's. */
  async function edit(text: string): Promise<Diagnostic[]> {
    s.change(uri(), text);
    const diagnostics = await s.diagnostics(uri());
    assert.deepEqual(diagnostics, engineDiagnostics(s.dir, paths[0], text));
    return diagnostics;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stratlint-idle-'));
    writeFileSync(join(dir, 'preload.cjs'), PRELOAD);
    writeFileSync(join(dir, 'log'), '');
    const env = { NODE_OPTIONS: process.env.NODE_OPTIONS, STRATLINT_TEST_IDLE_DIR: process.env.STRATLINT_TEST_IDLE_DIR };
    process.env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require=${join(dir, 'preload.cjs')}`;
    process.env.STRATLINT_TEST_IDLE_DIR = dir;
    try {
      s = await Session.start({ files: { [paths[0]]: PLAN, ...OTHERS } }); // spawns the server with this environment
    } finally {
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('three seconds after the last of many lints it looks once, and leaves a heap that has not grown 32 MB alone', async () => {
    setHeap(GROWTH_BYTES - 1);
    await openAll(s, paths, false);
    const lastLint = Date.now();
    assert.deepEqual(tally(), { asked: 0, gc: 0 }, 'not while linting');
    await tallied({ asked: 1, gc: 0 });
    const waited = log()[0].at - lastLint;
    assert.ok(waited >= 2800, `looked ${waited} ms after the last lint`);
  });

  it('after the next lint, with the heap 32 MB larger, collects three times; the server then answers as before', async () => {
    setHeap(GROWTH_BYTES);
    // the second plan opened: slimmed, its plan model is read again from its text
    const other = paths[1];
    const otherDiagnostics = await s.diagnostics(s.uri(other));
    const before = await answers(s, s.uri(other), OTHERS[other], otherDiagnostics);
    const edited = await edit(PLAN + OUTCOMES);
    const hover = () => s.request('textDocument/hover', { textDocument: { uri: uri() }, position: edited[0].range.start });
    const hovered = await hover();
    await tallied({ asked: 5, gc: 3 }); // asked before, and after each of the three collections (six seconds later, then half a second)
    assert.deepEqual(await answers(s, s.uri(other), OTHERS[other], otherDiagnostics), before);
    assert.deepEqual(await hover(), hovered);
    assert.deepEqual(await edit(PLAN), s.publications(uri())[0].diagnostics);
  });

  it('measures growth from the heap it left: 32 MB more than that before it collects again', async () => {
    await tallied({ asked: 6, gc: 3 }); // the heap is as it left it
    setHeap(2 * GROWTH_BYTES - 1);
    await edit(PLAN + OUTCOMES);
    await tallied({ asked: 7, gc: 3 });
    setHeap(2 * GROWTH_BYTES);
    await edit(PLAN);
    await tallied({ asked: 11, gc: 6 });
  });
});
