/**
 * The Stratlint engine: Markdown plan in, findings out. No LSP, no terminal: the language
 * server, the CLI and the formatters are adapters over this module.
 */
import { PLAN_MAX_BYTES, readBoundedText } from './files/bounded-read';
import { resolveConfig, type ResolveOptions, type ResolvedConfig } from './config/resolve';
import { lintPlan, type LintResult } from './lint';
import { frontMatterOptIn, isPlan, matchesGlobs } from './plan/detect';
import type { Plan } from './plan/model';
import { parsePlan } from './plan/parse';
import { readPlanSettings } from './config/front-matter';

export { applyEdits } from './fixes/apply';
export { fixText, preferredEdits, unfixable } from './fixes/fix-all';
export { DIRECTIVE_RULES } from './directives';
export { ConfigError, UnreadFileError } from './config/errors';
export { CONFIG_MAX_BYTES, FileAccessError, PLAN_MAX_BYTES, PLAN_MAX_LINES, planTooLarge, readBoundedText } from './files/bounded-read';
export { resolveConfig, findConfigFiles, BUILTIN_PACKS, CONFIG_NAMES, DEFAULT_FILES, type ResolvedConfig, type ResolveOptions } from './config/resolve';
export { workspaceRootOf } from './config/workspace';
export { builtinRuleIds, builtinRules, builtinRulesDir } from './rules/builtin';
export { parsePlan } from './plan/parse';
export { isPlan, matchesGlobs } from './plan/detect';
export { assessPlan, lintPlan, lintSteps, type LintResult, type RuleSetting } from './lint';
export { computeScorecard, principleLabel, sourceTags, type PrincipleScore, type PrincipleStatus, type Scorecard } from './scorecard';
export type { Finding, Fix, Related, TextEdit, Severity, Rule, RuleMeta, Assessment } from './rules/types';
export type { Plan, Section, Block } from './plan/model';
export type { Position, Range } from './plan/positions';

export interface DocumentLint extends LintResult {
  /** False when the document is not a plan (and findings is empty). */
  isPlan: boolean;
  config: ResolvedConfig;
}

/**
 * Lints a document as the contracts say: the config that applies to its path, the plan's
 * own front-matter settings, and plan detection unless `forcePlan` (a file named explicitly):
 * a file the config ignores is not a plan.
 */
export function lintDocument(text: string, opts: Omit<ResolveOptions, 'planSettings'> & { forcePlan?: boolean; plan?: Plan }): DocumentLint {
  const plan = opts.plan ?? parsePlan(text);
  const config = documentConfig(plan, opts);
  const planLike = opts.forcePlan
    ? frontMatterOptIn(plan.frontMatter) !== false
    : !(opts.filePath && matchesGlobs(opts.filePath, config.ignore)) && isPlan(plan, opts.filePath, config.files);
  if (!planLike) return { plan, findings: [], ruleErrors: [], isPlan: false, config };
  return { ...lintPlan(plan, config.settings, config.knownRuleIds), isPlan: true, config };
}

/** The config that applies to a parsed document: the config files for its path, then its own front-matter settings. */
export function documentConfig(plan: Plan, opts: Omit<ResolveOptions, 'planSettings'>): ResolvedConfig {
  return resolveConfig({ ...opts, planSettings: readPlanSettings(plan, opts.filePath) });
}

export function lintFile(filePath: string, opts: Omit<ResolveOptions, 'filePath'> & { forcePlan?: boolean } = {}): DocumentLint {
  return lintDocument(readBoundedText(filePath, PLAN_MAX_BYTES), { ...opts, filePath });
}

