import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, builtinRules, builtinRulesDir } from '../server/src/engine/index';
import { keepsUntouchedLines, touchedLines } from './support/edits';
import { asExpected, expectations, fixtureOptions, lintWith, readFixture, show } from './support/fixtures';

const FIXTURES = join(__dirname, 'rules');
const DOC_HEADINGS = ['## Principle', '## What fires', '## What does not fire', '## Example', '## Fix'];

for (const rule of builtinRules().rules) {
  const id = rule.meta.id;
  const dir = join(FIXTURES, id);
  describe(`rule ${id}`, () => {
    it('has a documentation page with the principle, what fires, what does not, an example and the fix', () => {
      const doc = readFileSync(join(builtinRulesDir(), id, 'README.md'), 'utf8');
      assert.match(doc, new RegExp(`^# ${id}\\b`));
      for (const h of DOC_HEADINGS) assert.ok(doc.includes(h), `${id}/README.md lacks "${h}"`);
      if (rule.meta.scope === 'plan' || rule.meta.kind !== 'code') assert.ok(rule.meta.principle.length > 80, 'principle text for hover');
    });

    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
    it('has fixtures that must fire and fixtures that must not', () => {
      assert.ok(files.some((f) => f.startsWith('fires')), `test/rules/${id}/fires*.md missing`);
      assert.ok(files.some((f) => f.startsWith('quiet')), `test/rules/${id}/quiet*.md missing`);
    });

    for (const file of files) {
      const text = readFixture(join(dir, file));
      const options = fixtureOptions(text);
      it(`${file}: finds exactly what the fixture marks`, () => {
        const expected = expectations(text).filter((e) => e.ruleId === id);
        if (file.startsWith('fires')) assert.ok(expected.length > 0, 'a fires fixture marks at least one finding');
        if (file.startsWith('quiet')) assert.equal(expected.length, 0, 'a quiet fixture marks no finding');
        const actual = lintWith(text, id, options).map(asExpected);
        assert.deepEqual(actual.map((e) => show(e, text)).sort(), expected.map((e) => show(e, text)).sort());
      });

      if (!file.startsWith('fires') || !rule.meta.fix) continue;
      it(`${file}: each quick fix removes its finding, keeps the other lines, and fix-all is idempotent`, () => {
        const findings = lintWith(text, id, options);
        for (const f of findings) {
          const fix = f.fixes[0];
          if (!fix) continue;
          const touched = touchedLines(text, fix.edits);
          const fixed = applyEdits(text, fix.edits);
          assert.ok(keepsUntouchedLines(text, fixed, touched), `fix "${fix.title}" lost a line`);
          // Its finding goes; a template inserted for a missing principle may leave a lower "not filled in" one.
          const same = (list: typeof findings) => list.filter((x) => x.message === f.message && x.severity === f.severity).length;
          const after = lintWith(fixed, id, options);
          assert.equal(same(after), same(findings) - 1, `fix "${fix.title}" at ${f.range.start.line + 1} did not remove exactly its finding:\n${fixed}`);
          assert.ok(after.length <= findings.length, `fix "${fix.title}" added findings:\n${fixed}`);
        }
        const all = findings.flatMap((f) => (f.fixes[0] ? f.fixes[0].edits : []));
        // A section still to fill in has nothing to insert: its finding says so and offers no template.
        const unfilled = findings.every((f) => /not filled in/.test(f.message));
        assert.ok(all.length > 0 || unfilled, 'a fires fixture of a rule with a fix offers one');
        const once = applyEdits(text, all);
        const again = lintWith(once, id, options).flatMap((f) => (f.fixes[0] ? f.fixes[0].edits : []));
        assert.equal(applyEdits(once, again), once, 'applying the fixes a second time changes nothing');
      });
    }
  });
}
