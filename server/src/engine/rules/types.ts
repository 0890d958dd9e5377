import type { z } from 'zod';
import type { Directive } from '../directives';
import type { Block, Plan, Section } from '../plan/model';
import type { Match } from '../patterns/pattern';
import type { Range } from '../plan/positions';

export type Severity = 'error' | 'warning' | 'info';
export type Level = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True for a rule's own template fix (offered first, applied by "fix all"). */
  isPreferred?: boolean;
  /**
   * Complete text that needs no one's words (a phrase's rewrite, a comment removed): the CLI's
   * `--fix` applies it. Other fixes are templates with slots for the writer to fill in, applied
   * from the command line only with `--fix-type template`.
   */
  safe?: boolean;
}

/** A place that belongs to a finding: each goal of a list the finding covers. */
export interface Related {
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The parts of a finding that covers several places (the goals of a list), each with its own message. */
  related?: Related[];
  /** The principle's source, e.g. "S&-4 (Strategy&, 10 Principles of Customer Strategy)". */
  source: string;
  docsUrl: string;
  fixes: Fix[];
}

/** How far a plan addresses a plan-level principle: the scorecard's unit. */
export interface Assessment {
  /** n/a: the principle does not apply to this plan (e.g. no rivals to win against, no bet to test). */
  status: 'addressed' | 'partly' | 'missing' | 'n/a';
  /** Where the plan addresses it, when it does. */
  evidence?: Range;
  /** Set when the plan falls short in a way worth a finding; the rule's message when undefined and missing. */
  message?: string;
}

/** What a rule's check may ask for: the plan, its options, and helpers to report. */
export interface RuleContext {
  plan: Plan;
  options: Readonly<Record<string, unknown>>;
  /** Every rule ID the configuration knows, enabled or not. */
  knownRuleIds: ReadonlySet<string>;
  directives: readonly Directive[];
  /** `partly`: a weak or incomplete version of the principle, reported one level below the rule's severity. */
  report(f: { range: Range; message?: string; fixes?: Fix[]; related?: Related[]; partly?: boolean }): void;
}

/** A fix template as the rule data spells it. */
export interface FixTemplate {
  title: string;
  template: string;
  /** Where a section template goes: after the first section matching one of these headings. */
  after?: string[];
}

export interface RuleMeta {
  id: string;
  kind: string;
  severity: Severity;
  /** plan: is the principle addressed at all (a finding on the title); span: a finding on the words. */
  scope: 'plan' | 'span';
  /** Principle source tags, e.g. "CPV-1, CPV-3, CVC". */
  source: string;
  /** One line: what the rule checks. */
  description: string;
  message: string;
  /** The principle in two or three sentences, for hover. */
  principle: string;
  example?: { weak: string; strong: string };
  fix?: FixTemplate;
  docsUrl: string;
  /** False for opt-in rules: left off by stratlint:recommended (and a pack's defaults), on in strict and all. */
  recommended?: boolean;
}

/** A rule ready to run: metadata plus its check. Plan-level rules also assess. */
export interface Rule {
  meta: RuleMeta;
  /** The options the rule reads from `rules: { id: [level, { … }] }`; a rule without one takes none. Configs are checked against it. */
  optionsSchema?: z.ZodType<Record<string, unknown>>;
  check(ctx: RuleContext): void;
  assess?(plan: Plan, options: Readonly<Record<string, unknown>>): Assessment;
  /**
   * Span rules: where the rule flags this block with its default options. Plan-level rules ask it
   * so that a sentence flagged as an anti-pattern is never the evidence for the principle it undermines.
   */
  flagged?(plan: Plan, block: Block): readonly Match[];
}

export type { Plan, Section };
