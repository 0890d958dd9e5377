import type { Terms } from '../patterns/pattern';
import { balancedScorecard } from './code/balanced-scorecard';
import { expiredSuppression, suppressionReason, unusedSuppression } from './code/suppressions';
import { timeHorizon } from './code/time-horizon';
import { unfilledTemplate } from './code/unfilled-template';
import { unknownRule } from './code/unknown-rule';
import { avoidPhrase } from './kinds/avoid-phrase';
import { goalList } from './kinds/goal-list';
import { metric } from './kinds/metric';
import { requireEvidence } from './kinds/require-evidence';
import { requireSection } from './kinds/require-section';
import { sectionContent } from './kinds/section-content';
import type { RuleData } from './schema';
import type { Rule, RuleMeta } from './types';

/** Built-in rules whose logic data cannot express (see each file for why). */
const CODE_RULES: Record<string, (meta: RuleMeta, terms: Terms) => Rule> = {
  'time-horizon': timeHorizon,
  'balanced-scorecard': balancedScorecard,
  'unknown-rule': unknownRule,
  'unfilled-template': unfilledTemplate,
  'expired-suppression': expiredSuppression,
  'unused-suppression': unusedSuppression,
  'suppression-reason': suppressionReason,
};

export class RuleCompileError extends Error {}

/** The other rules of the same set, asked for lazily (a rule may read what its peers flag). */
export type RulePeers = () => readonly Rule[];

/** Turns a rule's data into a runnable rule. Throws PatternError for a pattern RE2 cannot compile. */
export function compileRule(data: RuleData, terms: Terms, docsUrl: string, peers: RulePeers = () => []): Rule {
  const meta: RuleMeta = {
    id: data.id,
    kind: data.kind,
    severity: data.severity,
    scope: scopeOf(data),
    source: data.source,
    description: data.description,
    message: data.message.trim(),
    principle: data.principle.trim(),
    example: data.example,
    fix: data.fix,
    docsUrl,
    recommended: data.recommended,
  };
  switch (data.kind) {
    case 'require-section':
      return requireSection(data, meta, terms, peers);
    case 'avoid-phrase':
      return avoidPhrase(data, meta, terms);
    case 'require-evidence':
      return requireEvidence(data, meta, terms);
    case 'section-content':
      return sectionContent(data, meta, terms);
    case 'metric':
      return metric(data, meta, terms);
    case 'goal-list':
      return goalList(data, meta, terms);
    case 'code': {
      const make = CODE_RULES[data.id];
      if (!make) throw new RuleCompileError(`rule "${data.id}" has kind "code", which only built-in rules may use (${Object.keys(CODE_RULES).join(', ')})`);
      return make(meta, terms);
    }
  }
}

function scopeOf(data: RuleData): 'plan' | 'span' {
  switch (data.kind) {
    case 'require-section':
      return 'plan';
    case 'require-evidence':
      return data.report === 'title' ? 'plan' : 'span';
    case 'code':
      return data.scope;
    default:
      return 'span';
  }
}
