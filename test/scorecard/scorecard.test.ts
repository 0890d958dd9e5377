import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG } from './catalog';
import { applyEdits, builtinRules, computeScorecard, lintDocument, resolveConfig, type RuleSetting } from '../../server/src/engine/index';

const EXAMPLES = join(__dirname, '../../examples');

function card(text: string, settings?: RuleSetting[]) {
  const r = lintDocument(text, { noConfig: true, forcePlan: true });
  assert.deepEqual(r.ruleErrors, []);
  const used = settings ?? r.config.settings;
  return { lint: r, scorecard: computeScorecard(r.plan, used, r.findings) };
}

function example(name: string) {
  return card(readFileSync(join(EXAMPLES, name), 'utf8')).scorecard;
}

const statuses = (sc: ReturnType<typeof example>) => Object.fromEntries(sc.principles.map((p) => [p.id, p.status]));
const PLAN_RULES = builtinRules().rules.filter((r) => r.meta.scope === 'plan').map((r) => r.meta.id);

/**
 * What the weak examples must score on every plan-level principle. A new plan-level rule needs
 * its line here: say how the two weak examples fare, so the scorecard stays exact.
 */
const WEAK: Record<string, { declared: string; featureRace: string }> = {
  'customer-outcomes': { declared: 'missing', featureRace: 'missing' },
  // customers named, none chosen ("we will target everyone", "our customers"): users named, no segment
  'target-customers': { declared: 'partly', featureRace: 'partly' },
  // "nobody can copy the way we treat people" claims an edge, but experience-as-moat flags that very
  // sentence: evidence an anti-pattern undermines is only partly evidence
  // the feature race names Acme and Globex but no edge over them: rivals without an edge
  'right-to-win': { declared: 'partly', featureRace: 'partly' },
  'value-proposition': { declared: 'missing', featureRace: 'missing' },
  'value-creation-zone': { declared: 'missing', featureRace: 'missing' },
  'balanced-scorecard': { declared: 'missing', featureRace: 'missing' },
  capabilities: { declared: 'missing', featureRace: 'missing' },
  'customer-feedback-loop': { declared: 'missing', featureRace: 'missing' },
  // "Product plan FY27": one year, under the two-year minimum
  'time-horizon': { declared: 'missing', featureRace: 'partly' },
  ecosystem: { declared: 'missing', featureRace: 'missing' },
  ownership: { declared: 'missing', featureRace: 'missing' },
  // neither plan makes a new bet: nothing to test, not applicable
  experimentation: { declared: 'missing', featureRace: 'missing' },
  // nothing in either outlasts the page (a principle for every plan, never "not applicable")
  'sustained-capability': { declared: 'missing', featureRace: 'missing' },
  'no-tradeoffs': { declared: 'missing', featureRace: 'missing' },
};

describe('scorecard of the example plans', () => {
  it('the strong plan addresses every plan-level principle, with evidence', () => {
    const sc = example('clinic-scheduling-strategy.md');
    assert.deepEqual(statuses(sc), Object.fromEntries(PLAN_RULES.map((id) => [id, 'addressed'])));
    for (const p of sc.principles) {
      assert.ok(p.evidence, `${p.id} has no evidence location`);
      assert.equal(p.fixAt, undefined);
    }
    assert.equal(sc.coverage, 1);
    assert.deepEqual(sc.spanFindings, { total: 0, bySource: [] });
  });

  it('the weak plans score exactly as expected on each principle', () => {
    const missing = PLAN_RULES.filter((id) => !(id in WEAK));
    assert.deepEqual(missing, [], 'plan-level rules without an expected status for the weak examples');
    const declared = example('weak-declared-centricity-plan.md');
    const race = example('weak-feature-race-plan.md');
    assert.deepEqual(statuses(declared), Object.fromEntries(PLAN_RULES.map((id) => [id, WEAK[id].declared])));
    assert.deepEqual(statuses(race), Object.fromEntries(PLAN_RULES.map((id) => [id, WEAK[id].featureRace])));
  });

  it('lists all 14 plan-level principles of the catalog, in its order', () => {
    const order = example('clinic-scheduling-strategy.md').principles.map((p) => p.id);
    assert.deepEqual(order, CATALOG);
  });
});

describe('scorecard computation', () => {
  const WEAK_PLAN = '# Growth plan 2027\n\nWe will launch a world-class mobile app and a best-in-class portal.\n';

  it('counts addressed as 1, partly as ½ and missing as 0 over the principles assessed', () => {
    // a go-to-market plan makes no bet of its own: experimentation is not applicable
    const sc = card('# Go-to-market plan for Billing\n\n## Customers\n\nFinance teams at clinics with 3 to 10 sites.\n').scorecard;
    const c = sc.counts;
    assert.equal(c.addressed + c.partly + c.missing + c['n/a'], PLAN_RULES.length);
    assert.ok(sc.principles.some((p) => p.id === 'experimentation' && p.status === 'n/a'));
    assert.ok(c['n/a'] >= 1, 'not applicable principles are left out of the coverage');
    assert.equal(sc.coverage, (c.addressed + c.partly / 2) / (PLAN_RULES.length - c['n/a']));
  });

  it('points each missing principle at where its fix inserts the template, and the fix closes the gap', () => {
    const { lint, scorecard } = card(WEAK_PLAN);
    const gap = scorecard.principles.find((p) => p.id === 'customer-outcomes')!;
    assert.equal(gap.status, 'missing');
    const fix = lint.findings.find((f) => f.ruleId === 'customer-outcomes')!.fixes.find((f) => f.isPreferred)!;
    assert.deepEqual(gap.fixAt, fix.edits[0].range.start);
    assert.equal(gap.message, lint.findings.find((f) => f.ruleId === 'customer-outcomes')!.message);
    const fixed = card(applyEdits(WEAK_PLAN, fix.edits)).scorecard;
    assert.notEqual(fixed.principles.find((p) => p.id === 'customer-outcomes')!.status, 'missing');
  });

  it('counts span findings per principle source tag, leaving out plan-level rules', () => {
    const { lint, scorecard } = card(WEAK_PLAN);
    const fluff = lint.findings.filter((f) => f.ruleId === 'buzzword-fluff');
    assert.equal(fluff.length, 2);
    const spanRules = new Set(lint.findings.map((f) => f.ruleId).filter((id) => !PLAN_RULES.includes(id)));
    const expected = new Map<string, number>();
    for (const f of lint.findings.filter((x) => spanRules.has(x.ruleId))) {
      for (const tag of f.source.split(',').map((t) => t.trim())) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    }
    assert.equal(scorecard.spanFindings.total, lint.findings.filter((x) => spanRules.has(x.ruleId)).length);
    assert.deepEqual(new Map(scorecard.spanFindings.bySource.map((s) => [s.source, s.count])), expected);
    assert.equal(expected.get('S&-3'), 2);
  });

  it('shows principles switched off in the config or the plan as off, and leaves them out of the coverage', () => {
    const text = '<!-- stratlint-disable-file target-customers -->\n# Growth plan 2027\n\nWe will launch a mobile app.\n';
    const r = lintDocument(text, { noConfig: true, forcePlan: true });
    const settings = r.config.settings.filter((s) => s.rule.meta.id !== 'time-horizon');
    const sc = computeScorecard(r.plan, settings, r.findings);
    const byId = new Map(sc.principles.map((p) => [p.id, p]));
    assert.equal(byId.get('time-horizon')!.status, 'off');
    assert.match(byId.get('time-horizon')!.message!, /configuration/);
    assert.equal(byId.get('target-customers')!.status, 'off');
    assert.match(byId.get('target-customers')!.message!, /stratlint-disable/);
    assert.equal(sc.counts.off, 2);
    assert.equal(sc.principles.length, PLAN_RULES.length);
    const assessed = sc.counts.addressed + sc.counts.partly + sc.counts.missing;
    assert.equal(assessed, PLAN_RULES.length - 2 - sc.counts['n/a']);
    assert.equal(sc.coverage, (sc.counts.addressed + sc.counts.partly / 2) / assessed);
  });

  it('has no coverage to show when every principle is off', () => {
    const r = lintDocument('# Plan\n', { noConfig: true, forcePlan: true });
    const sc = computeScorecard(r.plan, [], []);
    assert.equal(sc.coverage, 0);
    assert.equal(sc.counts.off, PLAN_RULES.length);
  });

  it('includes plan-level rules from packs after the built-in principles', () => {
    const config = resolveConfig({ noConfig: true });
    const meta = { ...config.settings[0].rule.meta, id: 'acme/pricing-page', scope: 'plan' as const };
    const pack: RuleSetting = { rule: { meta, check: () => {}, assess: () => ({ status: 'partly' }) }, severity: 'info', options: {} };
    const sc = computeScorecard(lintDocument('# Plan\n', { noConfig: true, forcePlan: true }).plan, [...config.settings, pack], []);
    const last = sc.principles[sc.principles.length - 1];
    assert.deepEqual([last.id, last.label, last.status], ['acme/pricing-page', 'Acme pricing page', 'partly']);
    assert.match(last.message!, /^Only partly addressed/);
  });
});
