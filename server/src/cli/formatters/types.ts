import type { Finding, RuleMeta, Scorecard } from '../../engine/index';

/** A finding that was there at the comparison point and is gone now. */
export interface FixedFinding {
  ruleId: string;
  /** The words it flagged then (normalized, shortened), so a reader recognizes it. */
  words: string;
}

/** The state a run compares with: a git ref (--changed-since) or a baseline file. */
export interface Before {
  /** What to call it in a report: the git ref or the baseline's file name. */
  label: string;
  /** The plan's scorecard then; undefined when unknown (a baseline) or the plan did not exist yet. */
  scorecard?: Scorecard;
  /** The plan did not exist at the git ref. */
  newPlan?: boolean;
  /** Fingerprints of the findings then: a finding whose fingerprint is not here is new. */
  fingerprints: ReadonlySet<string>;
  fixed: FixedFinding[];
}

/** One linted file, as every formatter receives it. */
export interface FileResult {
  /** Path as shown to the user: relative to the working directory, forward slashes. */
  file: string;
  /** The file's text, kept only for the formats in TEXT_FORMATS and for --baseline-write (see textOf). */
  text?: string;
  findings: Finding[];
  /** How the plan covers the principles; set for the formats in SCORECARD_FORMATS. */
  scorecard?: Scorecard;
  /**
   * Fingerprints parallel to `findings`, computed before any filtering (occurrence indexes
   * count every finding); formatters compute them from `text` when absent.
   */
  fingerprints?: string[];
  before?: Before;
  /** --fix-dry-run: the fixes as a unified diff, when they change the file. */
  fixDiff?: string;
  /** --fix and --fix-dry-run: why the file was left as it was (a parse problem). */
  notFixed?: string;
}

export interface FormatContext {
  color: boolean;
  /** Metadata of every rule that ran, by ID (SARIF and other formats list them). */
  rules: Map<string, RuleMeta>;
  cwd: string;
  /** Stratlint's version, for formats that name the tool. */
  version?: string;
  /** The --changed-since ref, so a report can say that no plan changed. */
  changedSince?: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

/** A report printed file by file as the files are linted, so a run holds no finished file's findings. */
export interface FormatStream {
  /** The report's part for one file. */
  file(result: FileResult): string;
  /** The rest of the report, after the last file. */
  end(): string;
}

export type StreamingFormatter = (ctx: FormatContext) => FormatStream;

/** The whole report a streaming format prints for these results. */
export function collected(format: StreamingFormatter): Formatter {
  return (results, ctx) => {
    const stream = format(ctx);
    return results.map((r) => stream.file(r)).join('') + stream.end();
  };
}
