import { mkdirSync, writeFileSync } from 'node:fs';
import { realPath } from '../engine/files/boundary';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, lintDocument, type RuleMeta } from '../engine/index';
import { applyBaseline, readBaseline, writeBaseline, type Baseline } from './baseline';
import { GitChanges } from './changed';
import { expandTargets, UsageError } from './files';
import { FIX_TYPES, type FixSettings, type FixType } from './fix';
import { keepFindings } from './fingerprint';

/** Formats that never read a finding's fingerprint. */
const NO_FINGERPRINT_FORMATS: ReadonlySet<string> = new Set(['stylish', 'json']);
import { init } from './init';
import { printConfig } from './print-config';
import { FORMATTERS, SCORECARD_FORMATS, STREAMING_FORMATTERS, TEXT_FORMATS } from './formatters/index';
import type { FileResult } from './formatters/types';
import { stylish } from './formatters/stylish';
import { testPack } from './test-pack';
import { lintOptions } from './lint-file';
import { lintFiles, WorkerFileError } from './pool';
import { ReadError } from './read';
import { appendJobSummary, stateAtBase } from './summary';

const HELP = `Usage: stratlint [options] [files, folders or globs…]   (default: .)
       stratlint test-pack <pack.yaml> [fixtures…]   (see stratlint test-pack --help)

Lints Markdown customer-strategy plans against customer-strategy principles.
Files named explicitly are always linted; in folders and globs, only plans are
(front matter "stratlint: true" or "type: strategy", or the config's "files" globs).

Options:
  -f, --format <name>       Output format: ${Object.keys(FORMATTERS).join(', ')} (default: stylish)
  -c, --config <file>       Use this config file instead of looking for .stratlint.yaml
      --no-config           Use the built-in recommended rules only
  -q, --quiet               Report errors only
      --max-warnings <n>    Exit 1 when there are more than n warnings
  -o, --output-file <file>  Write the report to a file (other formats than stylish
                            still print stylish on the terminal)
      --baseline <file>     Report only findings that are not in this baseline
      --baseline-write <file>
                            Record today's findings as the baseline (then report
                            as --baseline would: nothing new)
      --changed-since <ref> Lint only the plans changed since this git ref; with
                            --format summary, compare each with its earlier self
      --report-unused-disable-directives
                            Report stratlint-disable comments that switch nothing
                            off, as errors (rule unused-suppression)
      --print-config <plan> Print the config that applies to this plan, as JSON
                            (every config file, pack and its front matter applied)
      --init                Write a commented starter .stratlint.yaml and a GitHub
                            workflow (.github/workflows/stratlint.yml) here
      --fix                 Apply safe fixes to the files (phrase rewrites, comment
                            and front matter edits), then report what is left
      --fix-dry-run         Print the fixes --fix would make as a diff; change nothing
      --fix-type <types>    Which fixes --fix applies, comma-separated: safe (default),
                            template (inserts the rules' templates, slots to fill in)
      --no-error-on-unmatched-pattern
                            Exit 0 rather than 2 when a path or glob finds no plan
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no errors; 1 lint errors or too many warnings; 2 bad usage, unreadable file,
invalid config, or a path or glob that finds no plan.`;

export interface CliIO {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

export async function main(argv: string[], io: CliIO = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  if (argv[0] === 'test-pack') return testPack(argv.slice(1), io);
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-warnings': { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        baseline: { type: 'string' },
        'baseline-write': { type: 'string' },
        'changed-since': { type: 'string' },
        'report-unused-disable-directives': { type: 'boolean', default: false },
        'print-config': { type: 'string' },
        init: { type: 'boolean', default: false },
        'no-error-on-unmatched-pattern': { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'fix-type': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    io.stderr.write(`stratlint: ${(e as Error).message}\nRun stratlint --help for usage.\n`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (o.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // Own keys only: `--format constructor` must not find Object's.
  const formatter = Object.hasOwn(FORMATTERS, o.format!) ? FORMATTERS[o.format!] : undefined;
  if (!formatter) {
    io.stderr.write(`stratlint: unknown format '${o.format}'; choose one of ${Object.keys(FORMATTERS).join(', ')}\n`);
    return 2;
  }
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    maxWarnings = /^\s*\d+\s*$/.test(o['max-warnings']) ? Number(o['max-warnings']) : NaN;
    if (!Number.isSafeInteger(maxWarnings)) {
      io.stderr.write(`stratlint: --max-warnings expects a whole number ≥ 0, got '${o['max-warnings']}'\n`);
      return 2;
    }
  }

  if (o.config !== undefined && o['no-config']) {
    io.stderr.write('stratlint: use --config to lint with a config file or --no-config to lint with the built-in rules only, not both\n');
    return 2;
  }
  if (o.init || o['print-config'] !== undefined) {
    if (args.positionals.length > 0) {
      io.stderr.write(`stratlint: ${o.init ? '--init' : '--print-config <plan>'} lints nothing; lint ${args.positionals.join(' ')} in another run\n`);
      return 2;
    }
    return o.init ? runInit(io) : runPrintConfig(o['print-config']!, o, io);
  }
  if (o.baseline && o['baseline-write']) {
    io.stderr.write('stratlint: use --baseline to compare with a baseline or --baseline-write to record one, not both\n');
    return 2;
  }
  const fix = fixSettings(o);
  if (typeof fix === 'string') {
    io.stderr.write(`stratlint: ${fix}\n`);
    return 2;
  }
  const dryRun = o['fix-dry-run'];
  // On GitHub Actions the github format also fills the job summary.
  const jobSummary = o.format === 'github' ? process.env.GITHUB_STEP_SUMMARY || undefined : undefined;
  const withScorecard = SCORECARD_FORMATS.has(o.format!) || jobSummary !== undefined;

  const ctx = { color: colorWanted(io.stdout), rules: new Map<string, RuleMeta>(), cwd: io.cwd, version: VERSION, changedSince: o['changed-since'] };
  const { rules } = ctx;
  // Stylish and JSON on the terminal print each file once it is linted. A report to a file, a baseline
  // to record first and the job summary wait for every file: for them results keep their findings only.
  // --fix-dry-run prints diffs, not the report, on the terminal.
  const streaming = o['output-file'] || o['baseline-write'] || jobSummary || dryRun ? undefined : STREAMING_FORMATTERS[o.format!]?.(ctx);
  const printed = new Printer(io.stdout);
  const results: FileResult[] = [];
  const counts = { error: 0, warning: 0 };
  let baseline: Baseline | undefined;
  let unmatched: string[] = [];
  /** What the report shows of a result: findings not in the baseline, errors only with --quiet. */
  const shown = (r: FileResult): FileResult => {
    const kept = baseline ? applyBaseline([r], baseline, io.cwd, rules)[0] : r;
    return o.quiet ? keepFindings(kept, rules, (f) => f.severity === 'error') : kept;
  };
  const count = (r: FileResult) => {
    for (const f of r.findings) if (f.severity !== 'info') counts[f.severity]++;
  };
  try {
    baseline = o.baseline ? readBaseline(resolve(io.cwd, o.baseline), o.baseline) : undefined;
    const changes = o['changed-since'] !== undefined ? GitChanges.since(o['changed-since'], io.cwd) : undefined;
    const positionals = args.positionals.length ? args.positionals : ['.'];
    const targets = await expandTargets(positionals, io.cwd);
    const refused = overwritesInput(o['output-file'], targets, io.cwd);
    if (refused) throw new UsageError(`--output-file ${o['output-file']} is ${refused}, which this run lints; write the report elsewhere`);
    const kept = targets.filter((t) => !changes || changes.has(t.path));
    const jobs = kept.map((t) => ({ path: t.path, explicit: t.explicit, shown: relative(io.cwd, t.path).replace(/\\/g, '/') || t.path }));
    const matched = new Set<string>();
    const run = {
      cwd: io.cwd,
      configFile: o.config && resolve(io.cwd, o.config),
      noConfig: o['no-config']!,
      reportUnusedDisableDirectives: o['report-unused-disable-directives']!,
      withScorecard,
      keepText: TEXT_FORMATS.has(o.format!) || !!o['baseline-write'] || jobSummary !== undefined,
      // Stylish and JSON print no fingerprints: only a baseline, --quiet (which filters by them) or --changed-since reads them then.
      fingerprints: !NO_FINGERPRINT_FORMATS.has(o.format!) || !!(o.quiet || o.baseline || o['baseline-write'] || o['changed-since'] !== undefined || jobSummary !== undefined),
      fix,
    };
    let i = 0;
    for await (const { result, rules: ran, ruleErrors } of lintFiles(jobs, run)) {
      // A file named on the command line was found, plan or not (front matter "stratlint: false" opts it out).
      for (const arg of kept[i].args) if (result || kept[i].explicit) matched.add(arg);
      const job = jobs[i++];
      if (!result) continue;
      for (const meta of ran) rules.set(meta.id, meta);
      if (result.notFixed) io.stderr.write(`stratlint: ${result.notFixed}\n`);
      for (const e of ruleErrors) io.stderr.write(`stratlint: rule ${e.ruleId} failed on ${job.shown}: ${e.message}\n`);
      if (changes) result.before = stateAtBase(changes, job.path, result, (old) => lintDocument(old, lintOptions(job, run)), rules, withScorecard);
      if (!streaming) {
        results.push(result);
        continue;
      }
      const r = shown(result);
      count(r);
      printed.write(streaming.file(r));
    }
    // A typo in a path or in the config's globs must not pass CI with nothing linted (ESLint's
    // "No files matching"). With --changed-since a run with no changed plan is a normal run.
    // The report of what was found is still written in full: the exit code and message say the rest.
    if (!o['no-error-on-unmatched-pattern'] && !changes) unmatched = positionals.filter((a) => !matched.has(a));
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof ReadError || e instanceof WorkerFileError) {
      io.stderr.write(`stratlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  if (streaming) {
    printed.write(streaming.end());
    printed.finish();
  } else {
    if (o['baseline-write']) {
      try {
        baseline = writeBaseline(resolve(io.cwd, o['baseline-write']), o['baseline-write'], results, io.cwd, rules);
      } catch (e) {
        if (e instanceof UsageError) io.stderr.write(`stratlint: ${e.message}; not overwriting it\n`);
        else if (isWriteError(e)) io.stderr.write(`stratlint: cannot write the baseline ${o['baseline-write']}: ${writeProblem(e)}\n`);
        else throw e;
        return 2;
      }
      const recorded = results.reduce((n, r) => n + r.findings.length, 0);
      io.stderr.write(`stratlint: recorded ${recorded} finding${recorded === 1 ? '' : 's'} in ${o['baseline-write']}\n`);
    }
    const reported = results.map(shown);
    reported.forEach(count);
    let report: string;
    try {
      report = formatter(reported, ctx);
    } catch (e) {
      // V8 strings stop at about 512 MB: a report of tens of thousands of plans can exceed that.
      if (!(e instanceof RangeError)) throw e;
      const findings = reported.reduce((n, r) => n + r.findings.length, 0);
      io.stderr.write(`stratlint: the ${o.format} report of ${reported.length} ${reported.length === 1 ? 'file' : 'files'} and ${findings} ${findings === 1 ? 'finding' : 'findings'} is too large to build (${e.message}); lint fewer files per run, or use --format json, which is written file by file\n`);
      return 2;
    }
    if (o['output-file']) {
      const out = resolve(io.cwd, o['output-file']);
      try {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, report.endsWith('\n') ? report : `${report}\n`);
      } catch (e) {
        io.stderr.write(`stratlint: cannot write ${o['output-file']}: ${writeProblem(e)}\n`);
        return 2;
      }
      // The file is for tools; whoever watches the terminal still reads the findings (or the diff).
      const human = dryRun ? diffs(reported) : o.format === 'stylish' ? '' : stylish(reported, ctx);
      if (human) io.stdout.write(human);
    } else if (dryRun) {
      printed.write(diffs(reported));
    } else {
      printed.write(report);
      printed.finish();
    }
    if (jobSummary) {
      const problem = appendJobSummary(jobSummary, reported, { ...ctx, color: false });
      if (problem) io.stderr.write(`stratlint: ${problem}\n`);
    }
  }
  if (unmatched.length) {
    io.stderr.write(`stratlint: ${unmatchedMessage(unmatched)}\n`);
    return 2;
  }
  if (counts.error > 0) return 1;
  if (maxWarnings >= 0 && counts.warning > maxWarnings) {
    io.stderr.write(`stratlint: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function runInit(io: CliIO): number {
  try {
    for (const line of init(io.cwd)) io.stdout.write(`stratlint: ${line}\n`);
    return 0;
  } catch (e) {
    if (!isWriteError(e)) throw e;
    io.stderr.write(`stratlint: cannot write ${relative(io.cwd, e.path ?? io.cwd) || e.path}: ${writeProblem(e)}\n`);
    return 2;
  }
}

function runPrintConfig(plan: string, o: { config?: string; 'no-config'?: boolean; 'report-unused-disable-directives'?: boolean }, io: CliIO): number {
  try {
    io.stdout.write(printConfig(plan, { cwd: io.cwd, configFile: o.config, noConfig: !!o['no-config'], reportUnusedDisableDirectives: !!o['report-unused-disable-directives'] }));
    return 0;
  } catch (e) {
    if (!(e instanceof ConfigError || e instanceof ReadError)) throw e;
    io.stderr.write(`stratlint: ${e.message}\n`);
    return 2;
  }
}

/** What --fix, --fix-dry-run and --fix-type ask for, a usage problem, or undefined without them. */
function fixSettings(o: { fix?: boolean; 'fix-dry-run'?: boolean; 'fix-type'?: string }): FixSettings | string | undefined {
  if (o.fix && o['fix-dry-run']) return 'use --fix to change the files or --fix-dry-run to see the changes, not both';
  if (o['fix-type'] !== undefined && !o.fix && !o['fix-dry-run']) return '--fix-type goes with --fix or --fix-dry-run';
  if (!o.fix && !o['fix-dry-run']) return undefined;
  const types = (o['fix-type'] ?? 'safe').split(',').map((t) => t.trim());
  const unknown = types.find((t) => !(FIX_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) return `unknown fix type '${unknown}'; choose from ${FIX_TYPES.join(', ')}`;
  return { types: types as FixType[], write: !!o.fix };
}

function diffs(results: readonly FileResult[]): string {
  return results.map((r) => r.fixDiff ?? '').join('');
}

function unmatchedMessage(args: readonly string[]): string {
  const list = args.map((a) => `'${a}'`).join(', ');
  return `no plans found in ${list}: no Markdown file there matches the config's "files" globs or has front matter "stratlint: true" or "type: strategy". Check the path and the "files" globs, or pass --no-error-on-unmatched-pattern to allow a run that lints nothing`;
}

/** Writes a report in parts; a report that prints anything ends with a line break. */
class Printer {
  private last = '';

  constructor(private readonly out: CliIO['stdout']) {}

  write(part: string): void {
    if (!part) return;
    this.out.write(part);
    this.last = part;
  }

  finish(): void {
    if (this.last && !this.last.endsWith('\n')) this.out.write('\n');
  }
}

/** What the output file would overwrite among the files linted ('the plan x.md'), if anything; links resolved. */
function overwritesInput(output: string | undefined, targets: readonly { path: string }[], cwd: string): string | undefined {
  if (!output) return undefined;
  const out = realPath(resolve(cwd, output));
  const hit = targets.find((t) => realPath(t.path) === out);
  return hit && `the plan ${relative(cwd, hit.path) || hit.path}`;
}

function isWriteError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

const WRITE_PROBLEMS: Record<string, string> = { ENOENT: 'its folder does not exist', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder', EROFS: 'read-only file system', ENOTDIR: 'a part of its path is not a folder', ENOSPC: 'no space left on the device' };

function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return WRITE_PROBLEMS[code] ?? (code || (e as Error).message);
}

declare const STRATLINT_VERSION: string | undefined;
const VERSION = typeof STRATLINT_VERSION === 'string' ? STRATLINT_VERSION : 'dev';

function colorWanted(stream: CliIO['stdout']): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

const EXIT_PIPE_CLOSED = 141;

/**
 * Exits once what was written is out (a write's callback runs when it and all before it are).
 * Left to end by itself, Node first waits for V8's background work: optimising compiles and a
 * collection that a short run queued but never needs, 40 to 100 ms of idle waiting at the end of
 * a run on the shared corpus (one plan: about as much). Every report is written synchronously.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let streams = 2;
  const written = (error?: Error | null) => {
    // A closed stream is its 'error' handler's to end (see run): not here, with another status.
    if (!error && --streams === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

/** Entry point of the `stratlint` bin. */
export function run(): void {
  // A reader that stops early (`| head`) closes the pipe: stop quietly with the status Unix tools
  // end with then (128 + SIGPIPE); Node ignores SIGPIPE and would throw EPIPE with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(EXIT_PIPE_CLOSED);
  });
  main(process.argv.slice(2)).then(
    (code) => exitWhenWritten(code),
    (e: unknown) => {
      process.stderr.write(`stratlint: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
