import type { Finding, RuleMeta, Scorecard } from '../../engine/index';

/** One linted file, as every formatter receives it. */
export interface FileResult {
  /** Path as shown to the user: relative to the working directory, forward slashes. */
  file: string;
  /** The file's text, for formatters that quote lines or fingerprint findings. */
  text: string;
  findings: Finding[];
  /** How the plan covers the principles; set for the formats in SCORECARD_FORMATS. */
  scorecard?: Scorecard;
}

export interface FormatContext {
  color: boolean;
  /** Metadata of every rule that ran, by ID (SARIF and other formats list them). */
  rules: Map<string, RuleMeta>;
  cwd: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;
