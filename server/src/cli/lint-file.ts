import { computeScorecard, lintDocument, workspaceRootOf, type Plan, type RuleMeta } from '../engine/index';
import { fixFile, type FixSettings } from './fix';
import { PatternMemo, withPatternMemo } from '../engine/patterns/memo';
import { fingerprintFindings } from './fingerprint';
import type { FileResult } from './formatters/types';
import { setV8Flags } from '../server/v8-flags';
import { readText } from './read';

/** One file to lint, as the command line found it. */
export interface LintJob {
  path: string;
  /** Path as shown to the user. */
  shown: string;
  /** Named on the command line: linted whatever the plan globs say. */
  explicit: boolean;
}

/** What every file of a run is linted with (plain data: it is sent to worker threads). */
export interface RunSettings {
  cwd: string;
  configFile?: string;
  noConfig: boolean;
  reportUnusedDisableDirectives: boolean;
  withScorecard: boolean;
  /** The format quotes the text (TEXT_FORMATS) or a baseline is written: results keep it. */
  keepText: boolean;
  /** --fix or --fix-dry-run. */
  fix?: FixSettings;
  /** False when nothing reads the findings' fingerprints (a hash each: 80 ms for 25,000 findings). */
  fingerprints?: boolean;
}

export interface Linted {
  /** Undefined when the file is not a plan. */
  result?: FileResult;
  /** The rules that ran on it. */
  rules: RuleMeta[];
  /** Rules that threw (their findings are missing). */
  ruleErrors: { ruleId: string; message: string }[];
}

export function lintOptions(job: LintJob, run: RunSettings) {
  return {
    filePath: job.path,
    configFile: run.configFile,
    noConfig: run.noConfig,
    forcePlan: job.explicit,
    // Configs and packs are read from the plan's workspace (its git repository) only, unless named with --config.
    stopDir: workspaceRootOf(job.path, run.cwd),
    reportUnusedDisableDirectives: run.reportUnusedDisableDirectives,
  };
}

/**
 * Reads and lints one file; throws ReadError or ConfigError. The plan model is dropped here, and the
 * text unless run.keepText: a run of thousands of files holds their findings and fingerprints only.
 */
/** Above both, a plan's model is large enough for the heap's growth to matter (see `keepHeapTight`). */
const TIGHT_HEAP_CHARS = 1_000_000;
const TIGHT_HEAP_LINES = 100_000;
/** From this many lines on, the heap is kept tightest. */
const TIGHTEST_HEAP_LINES = 400_000;
/** The heap growth set so far (V8's --heap-growing-percent); only ever lowered. */
let heapGrowth = Infinity;

/**
 * While collecting is cheap, V8 lets the heap grow to four times what is live before it collects:
 * a plan of a million lines held 900 MB for about 250 MB of data. From the first plan of 400,000
 * lines or more on, collect at 1.1 times instead, and at twice what is live from one of 100,000
 * lines (at 1.1 times, a 5 MB plan of 120,000 lines took about a seventh more CPU time, for
 * 305 MB against 365 MB at twice). Not for ordinary plans: collecting that often made a run over
 * 200 plans take 1.4 times as long. Nor for a few long lines, whose model is small: a paragraph of
 * 1 MB peaks at the same 280 MB either way, and takes a tenth less CPU time without.
 */
function keepHeapTight(text: string): void {
  if (heapGrowth <= 10 || text.length < TIGHT_HEAP_CHARS) return;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines < TIGHTEST_HEAP_LINES; i = text.indexOf('\n', i + 1)) lines++;
  if (lines < TIGHT_HEAP_LINES) return;
  const growth = lines < TIGHTEST_HEAP_LINES ? 100 : 10;
  if (growth >= heapGrowth) return;
  heapGrowth = growth;
  setV8Flags(`--heap-growing-percent=${growth}`);
}

export function lintFile(job: LintJob, run: RunSettings): Linted {
  let text = readText(job.path, job.shown);
  keepHeapTight(text);
  // Rules that look for evidence across a section or the whole plan scan the same blocks again and again.
  let memo = new PatternMemo();
  let r = withPatternMemo(memo, () => lintDocument(text, lintOptions(job, run)));
  if (!r.isPlan) return { rules: [], ruleErrors: [] };
  let fixed: Pick<FileResult, 'fixDiff' | 'notFixed'> = {};
  if (run.fix) {
    const relint = (plan: Plan) => lintDocument(plan.text, { ...lintOptions(job, run), plan }).findings;
    const outcome = withPatternMemo(memo, () => fixFile(job, r, relint, run.fix!));
    fixed = outcome;
    // What is left after fixing is what the report shows, as ESLint's --fix does.
    if (outcome.text !== undefined && outcome.text !== text) {
      text = outcome.text;
      memo = new PatternMemo();
      r = withPatternMemo(memo, () => lintDocument(text, lintOptions(job, run)));
    }
  }
  const rules = r.config.settings.map((s) => s.rule.meta);
  const scorecard = run.withScorecard ? withPatternMemo(memo, () => computeScorecard(r.plan, r.config.settings, r.findings, undefined, r.config.docsBaseUrl)) : undefined;
  // Fingerprints are taken over every finding, before --baseline or --quiet drop any.
  const fingerprints = run.fingerprints === false ? undefined : fingerprintFindings(text, r.findings, new Map(rules.map((m) => [m.id, m])));
  return {
    result: { file: job.shown, ...(run.keepText ? { text } : {}), findings: r.findings, ...(fingerprints && { fingerprints }), scorecard, ...fixed },
    rules,
    ruleErrors: r.ruleErrors.map((e) => ({ ruleId: e.ruleId, message: e.error.message })),
  };
}
