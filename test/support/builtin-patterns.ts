/** The built-in rules' patterns and the plans the tests know, for tests that run every pattern on them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectCompiled } from '../../server/src/engine/patterns/pattern';
import { builtinRules } from '../../server/src/engine/rules/builtin';

const ROOT = join(__dirname, '..', '..');

/** Every built-in pattern's expanded source. `base` is a docs URL of the test's own: builtinRules compiles once per base. */
export function builtinPatternSources(base: string): Set<string> {
  const sources = new Set<string>();
  collectCompiled(
    () => builtinRules(base),
    (source) => sources.add(source),
  );
  return sources;
}

/** The example plans, and the rule fixtures whose names pass `fixture`. */
export function examplesAndFixtures(fixture: (name: string) => boolean): string[] {
  return [
    ...readdirSync(join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(ROOT, 'examples', f)),
    ...readdirSync(join(ROOT, 'test', 'rules')).flatMap((rule) =>
      readdirSync(join(ROOT, 'test', 'rules', rule))
        .filter(fixture)
        .map((f) => join(ROOT, 'test', 'rules', rule, f)),
    ),
  ];
}
