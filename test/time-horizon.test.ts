import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, parsePlan } from '../server/src/engine/index';
import { lintWith, settingFor } from './support/fixtures';

/** Where each time-horizon finding sits, as "line:words", with whether it offers a fix. */
function findings(text: string, options: Record<string, unknown> = {}): string[] {
  const lines = text.split('\n');
  return lintWith(text, 'time-horizon', options).map((f) => {
    const words = lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
    return `${f.range.start.line + 1}:${words}${f.fixes.length ? ' (fix)' : ''}`;
  });
}

describe('time-horizon', () => {
  it('reports a declared horizon that is too short on its value, without a fix that would override the author', () => {
    assert.deepEqual(findings('---\nhorizon: 2026\n---\n# Plan\n'), []);
    assert.deepEqual(findings('---\nhorizon: 1 year\n---\n# Plan\n'), ['2:1 year']);
    assert.deepEqual(findings('# Plan\n\nHorizon: the next 18 months\n\nOver the next three years we grow.\n'), ['3:next 18 months']);
    assert.deepEqual(findings('# Plan\n\n**Horizon:** 2026–2040\n'), ['3:2026–2040']);
  });

  it('measures a bare front matter number as years and a lone year as an end date', () => {
    assert.deepEqual(findings('---\nhorizon: 3\n---\n# Plan\n'), []);
    assert.deepEqual(findings('---\nhorizon: 1\n---\n# Plan\n'), ['2:1']);
    assert.deepEqual(findings('---\nhorizon: 2030\n---\n# Plan\n'), []);
    assert.deepEqual(findings('---\nhorizon: FY2030\n---\n# Plan\n'), []);
    assert.deepEqual(findings('---\nperiod: Q3 2026\n---\n# Plan\n'), ['2:Q3 2026']);
    assert.deepEqual(findings('# Plan\n\nPeriod: H2 2026\n'), ['3:H2']);
  });

  it('reads a year range both ways and fires only when both readings are out of range', () => {
    assert.deepEqual(findings('# Plan 2026–2027\n'), []);
    assert.deepEqual(findings('# Plan 2026–2033\n'), []);
    assert.deepEqual(findings('# Plan 2026–2034\n'), ['1:2026–2034 (fix)']);
    assert.deepEqual(findings('# Plan FY26–FY27\n', { minYears: 3 }), ['1:FY26–FY27 (fix)']);
  });

  it('names the period and the bound in its message', () => {
    const [f] = lintWith('# Goals 2024H2\n', 'time-horizon');
    assert.match(f.message, /^This plan covers half a year \("H2"\), less than 2 years\./);
    const [g] = lintWith('# Plan\n\nOur 20-year vision is a region without cars.\n', 'time-horizon', { maxYears: 10 });
    assert.match(g.message, /^This plan covers 20 years \("20-year vision"\), more than 10 years\./);
    const [h] = lintWith('# Plan\n\nThis plan covers the next 18 months.\n', 'time-horizon');
    assert.match(h.message, /^This plan covers 18 months \("next 18 months"\), less than 2 years\./);
  });

  it('lets an end date or a fitting horizon outweigh shorter periods the plan also mentions', () => {
    assert.deepEqual(findings('# Plan\n\nOur priorities over the next year are below.\n\nBy 2029 every clinic books online.\n'), []);
    assert.deepEqual(findings('# Plan Q3\n\nThese goals serve our five-year strategy.\n'), []);
    assert.deepEqual(findings('# Plan Q3\n\nThese goals serve our strategy.\n'), ['1:Q3 (fix)']);
  });

  it('never adds a second key to front matter that already names one, nor edits front matter that does not parse', () => {
    for (const text of ['---\nhorizon:\n---\n# Plan\n', '---\n: bad: [\n---\n# Plan\n']) {
      const [f] = lintWith(text, 'time-horizon');
      const fixed = applyEdits(text, f.fixes[0].edits);
      assert.equal(fixed.split('\n')[0], '---');
      assert.match(fixed, /^# Plan\n\nHorizon: \[\[start year\]\]–\[\[end year\]\]\n$/m);
      assert.deepEqual(lintWith(fixed, 'time-horizon'), []);
    }
  });

  it('assesses a plan for the scorecard: where its horizon is stated', () => {
    const rule = settingFor('time-horizon').rule;
    const plan = parsePlan('# Strategy\n\nOver the next four years we will…\n');
    const a = rule.assess!(plan, {});
    assert.equal(a.status, 'addressed');
    assert.deepEqual(a.evidence, { start: { line: 2, character: 0 }, end: { line: 2, character: 24 } });
    assert.equal(rule.assess!(parsePlan('# Strategy\n'), {}).status, 'missing');
  });
});
