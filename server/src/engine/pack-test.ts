/**
 * A pack's own tests, as ESLint's RuleTester and textlint-tester give rule authors: fixture plans
 * mark the findings they expect inline (`<!-- expect acme/risks -->`, see fixtures.ts), and each
 * fixture is linted with the pack's rules alone, every rule on, so the marks say all there is.
 */
import { builtinRuleIds } from './rules/builtin';
import { compilePack } from './config/packs';
import { readDataFile } from './config/read';
import { asExpected, expectations, show } from './fixtures';
import { lintPlan, type RuleSetting } from './lint';
import { parsePlan } from './plan/parse';

export interface PackCheck {
  missing: string[];
  unexpected: string[];
  /** Marks naming a rule the pack does not have (a typo would otherwise pass unseen). */
  strayMarks: string[];
}

export interface PackRun {
  /** The pack's rule IDs, in pack order. */
  ruleIds: string[];
  /** Lints a fixture's text: what the pack finds, and what its marks expect, as `rule-id 6:4-15 "words"`. */
  check(text: string): PackCheck;
}

/** Loads and compiles the pack; throws ConfigError as extending it would. */
export function loadPackForTests(packFile: string): PackRun {
  const pack = compilePack(readDataFile(packFile));
  // Every rule runs, opt-in ones too: a pack's tests cover all of it.
  const settings: RuleSetting[] = pack.rules.map(({ rule }) => ({ rule, severity: rule.meta.severity, options: {} }));
  const ruleIds = settings.map((s) => s.rule.meta.id);
  const known = new Set([...builtinRuleIds(), ...ruleIds]);
  const own = new Set(ruleIds);
  return {
    ruleIds,
    check(text) {
      const marks = expectations(text);
      const expected = marks.filter((e) => own.has(e.ruleId)).map((e) => show(e, text));
      const actual = lintPlan(parsePlan(text), settings, known).findings.map((f) => show(asExpected(f), text));
      const strayMarks = marks.filter((e) => !own.has(e.ruleId)).map((e) => show(e, text));
      return { missing: without(expected, actual), unexpected: without(actual, expected), strayMarks };
    },
  };
}

/** What `list` has that `other` has not, counting repeats. */
function without(list: readonly string[], other: readonly string[]): string[] {
  const left = [...other];
  return list.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}
