/**
 * Applies every finding's preferred fix that `accept` takes, re-lints and repeats while that still
 * changes the text (a fix may only be offered once another has landed). The editor's "fix all" and
 * the CLI's --fix share it, so both apply the same fixes the same way.
 */
import { endsInsideCode } from '../plan/chunks';
import type { Plan } from '../plan/model';
import { parsePlan } from '../plan/parse';
import type { Finding, Fix, TextEdit } from '../rules/types';
import { applyEdits } from './apply';

const MAX_PASSES = 5;

export function preferredEdits(findings: readonly Finding[], accept: (fix: Fix) => boolean = () => true): TextEdit[] {
  return findings.flatMap((f) => {
    const fix = f.fixes.find((x) => x.isPreferred);
    return fix && accept(fix) ? fix.edits : [];
  });
}

/** The text with the accepted fixes applied; `relint` lints a text as the findings were. */
export function fixText(plan: Plan, findings: readonly Finding[], relint: (plan: Plan) => readonly Finding[], accept?: (fix: Fix) => boolean): string {
  let text = plan.text;
  let edits = preferredEdits(findings, accept);
  for (let pass = 0; pass < MAX_PASSES && edits.length > 0; pass++) {
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    edits = preferredEdits(relint(parsePlan(text)), accept);
  }
  return text;
}

/**
 * Why a plan must not be fixed unattended, if it must not: edits placed by a reading of broken
 * front matter or of text a code fence swallowed could land anywhere.
 */
export function unfixable(plan: Plan): string | undefined {
  if (plan.frontMatterSpan && !plan.frontMatter) return 'its front matter is not valid YAML';
  if (endsInsideCode(plan.text)) return 'it ends inside an unclosed code block or comment';
  return undefined;
}
