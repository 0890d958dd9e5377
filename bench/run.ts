/**
 * `npm run bench`: Stratlint against the anchors on the same inputs, in one run, with pass/fail
 * against the targets of issue 7; writes bench/results.md. Ratios within one run are what count:
 * absolute times move with the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitChunks } from '../server/src/engine/plan/chunks';
import { writeCorpus } from './corpus';
import { editLatency, memoryWithOpen, percentile, startupTimes } from './lsp';
import { relintMs } from './relint';

const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, '../shared/corpus/docs');
const bin = (p: string) => join(ROOT, 'node_modules', p);

/** Wall time of a command, in seconds (its output is discarded; lint findings are not failures). */
function wall(args: string[], timeoutS = 240): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutS * 1000, maxBuffer: 64 << 20 });
  const s = (performance.now() - start) / 1000;
  if (r.error || r.signal) return Infinity;
  if (r.status === 2) throw new Error(`${args.join(' ')} failed:\n${r.stderr.toString().slice(0, 2000)}`);
  return s;
}

const tools = {
  stratlint: (target: string) => wall([join(ROOT, 'bin/stratlint.js'), '--no-config', '--format', 'json', target]),
  markdownlint: (target: string) => wall([bin('markdownlint-cli2/markdownlint-cli2-bin.mjs'), statSync(target).isDirectory() ? `${target}/**/*.md` : target]),
  remark: (target: string) => wall([bin('remark-cli/cli.js'), '--no-config', '--no-ignore', '--quiet', '--no-stdout', '--use', 'remark-preset-lint-recommended', target]),
};

const median = (xs: readonly number[]) => percentile(xs, 50);

/** Median wall times of one plan linted by Stratlint and by markdownlint-cli2, run in turns so that both see the same load. */
function onePlan(target: string, runs = 9): { ours: number; ml: number } {
  const ours: number[] = [];
  const ml: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(tools.stratlint(target));
    ml.push(tools.markdownlint(target));
  }
  return { ours: median(ours), ml: median(ml) };
}

/** A bare single-threaded remark parse (+gfm +frontmatter, as Stratlint parses) of the files' top-level chunks. */
function bareChunkParse(target: string): number {
  const files = statSync(target).isDirectory() ? readdirSync(target).filter((f) => f.endsWith('.md')).map((f) => join(target, f)) : [target];
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const start = performance.now();
  for (const f of files) for (const chunk of splitChunks(readFileSync(f, 'utf8'))) processor.parse(chunk.text);
  return (performance.now() - start) / 1000;
}

/** The extension bundle's load time in a plain Node process (VS Code's API stubbed): the part of activation Stratlint controls. */
function extensionLoad(): number {
  const script = `
    const Module = require('node:module');
    const stub = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (r, ...a) { return r === 'vscode' ? 'vscode' : resolve.call(this, r, ...a); };
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
    const t = performance.now();
    require(${JSON.stringify(join(ROOT, 'dist/extension.js'))});
    process.stdout.write(String(performance.now() - t));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(r.stdout);
}

interface Row {
  what: string;
  value: string;
  anchor: string;
  ratio?: number;
  target?: string;
  pass?: boolean;
}

const rows: Row[] = [];
const fmt = (s: number) => (Number.isFinite(s) ? `${s.toFixed(2)} s` : 'timed out');
function row(r: Row): void {
  rows.push(r);
  const verdict = r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL';
  console.log(`${r.what.padEnd(52)} ${r.value.padEnd(12)} ${r.anchor.padEnd(34)} ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`.padEnd(7)}${r.target ?? ''}${verdict}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'stratlint-bench-'));
  try {
    const corpus = writeCorpus(dir, DOCS);
    console.log(`Corpus: 200 generated plans (${(corpus.bytes / 1e6).toFixed(1)} MB), a 20,000-line plan, a ${(statSync(corpus.huge).size / 1e6).toFixed(1)} MB plan; ${DOCS} (${readdirSync(DOCS).length} docs). ${cpus().length} cores.\n`);

    // What a pre-commit hook or a CI step on one changed plan feels like: mostly start-up.
    const one = join(ROOT, 'examples/clinic-scheduling-strategy.md');
    const single = onePlan(one);
    row({ what: 'CLI, one 120-line plan (whole process)', value: fmt(single.ours), anchor: `markdownlint-cli2 ${fmt(single.ml)}`, ratio: single.ours / single.ml, target: '≤ 1.0×', pass: single.ours <= single.ml });

    for (const [name, target] of [
      ['shared corpus docs', DOCS],
      ['200 generated plans', corpus.many],
      ['20,000-line plan', corpus.long],
      ['5 MB plan', corpus.huge],
    ] as const) {
      const ours = tools.stratlint(target);
      const ml = tools.markdownlint(target);
      const parse = bareChunkParse(target);
      const main = name === '200 generated plans';
      const limit = { 'shared corpus docs': 1.0, '200 generated plans': 0.9 }[name as string];
      row({ what: `CLI, ${name}`, value: fmt(ours), anchor: `markdownlint-cli2 ${fmt(ml)}`, ratio: ours / ml, ...(limit ? { target: `≤ ${limit.toFixed(1)}×`, pass: ours <= limit * ml } : {}) });
      // remark-cli on the 5 MB plan takes minutes (micromark is super-linear on one big document): not run
      if (name !== '5 MB plan') {
        const rm = tools.remark(target);
        row({ what: `CLI, ${name}`, value: fmt(ours), anchor: `remark-cli + lint-recommended ${fmt(rm)}`, ...(Number.isFinite(rm) ? { ratio: ours / rm } : {}) });
      }
      row({ what: `CLI, ${name}`, value: fmt(ours), anchor: `bare remark parse of chunks ${fmt(parse)}`, ratio: ours / parse, ...(main ? { target: '≤ 1.3×', pass: ours <= 1.3 * parse } : {}) });
      if (name === '5 MB plan') row({ what: 'CLI, 5 MB plan', value: fmt(ours), anchor: '', target: '≤ 10 s', pass: ours <= 10 });
    }

    const planLines = (lines: number) => {
      const path = join(dir, `edit-${lines}.md`);
      const text = readFileSync(corpus.long, 'utf8').split('\n').slice(0, lines).join('\n');
      writeFileSync(path, `${text}\n`);
      return path;
    };
    for (const [lines, limit] of [
      [2_000, 20],
      [20_000, 150],
    ] as const) {
      const relint = relintMs(readFileSync(planLines(lines), 'utf8').split('\n'));
      row({ what: `Relint after one edit, ${lines.toLocaleString('en')} lines (p50)`, value: `${relint.toFixed(1)} ms`, anchor: 'in process, caches warm' });
      const ms = await editLatency(dir, planLines(lines));
      const p95 = percentile(ms, 95);
      row({ what: `LSP edit→diagnostics, ${lines.toLocaleString('en')} lines (p50)`, value: `${percentile(ms, 50).toFixed(0)} ms`, anchor: 'after the 250 ms typing pause (linted ahead of its end)' });
      row({ what: `LSP edit→diagnostics, ${lines.toLocaleString('en')} lines (p95)`, value: `${p95.toFixed(0)} ms`, anchor: 'after the 250 ms typing pause (linted ahead of its end)', target: `≤ ${limit} ms`, pass: p95 <= limit });
    }

    const starts = [];
    for (let i = 0; i < 5; i++) starts.push(await startupTimes(dir, planLines(200)));
    const init = median(starts.map((t) => t.initialize));
    const first = median(starts.map((t) => t.firstDiagnostics));
    row({ what: 'LSP initialize answered (median of 5)', value: `${init.toFixed(0)} ms`, anchor: 'after the server process starts', target: '≤ 150 ms', pass: init <= 150 });
    row({ what: 'LSP first diagnostics, 200-line plan (median of 5)', value: `${first.toFixed(0)} ms`, anchor: 'after the server process starts, plan opened at once', target: '≤ 300 ms', pass: first <= 300 });

    const hundred = readdirSync(corpus.many).slice(0, 100).map((f) => join(corpus.many, f));
    const rss = await memoryWithOpen(dir, hundred);
    row({ what: 'Server RSS, 100 plans open', value: `${rss.toFixed(0)} MB`, anchor: '', target: '≤ 150 MB', pass: rss <= 150 });
    row({ what: 'Extension bundle load (part of activation)', value: `${extensionLoad().toFixed(0)} ms`, anchor: 'VS Code API stubbed' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const total = (performance.now() - started) / 1000;
  console.log(`\nBenchmark took ${total.toFixed(0)} s.`);
  writeResults(total);
}

function writeResults(total: number): void {
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ${total.toFixed(0)} s). Times are wall clock of one run; compare the ratios, which are measured on the same inputs in the same run.`,
    '',
    '| Measure | Stratlint | Anchor | Ratio | Target | Result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.anchor} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} | ${r.target ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**fail**'} |`),
    '',
  ];
  writeFileSync(join(__dirname, 'results.md'), lines.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
