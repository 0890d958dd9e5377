/** A rule's metadata as the document's config has it: the presentation's source for names, principles and pages. */
import type { DocumentLint, RuleMeta } from '../../engine/index';

export function ruleMeta(result: DocumentLint, ruleId: string): RuleMeta | undefined {
  return result.config.settings.find((s) => s.rule.meta.id === ruleId)?.rule.meta;
}
