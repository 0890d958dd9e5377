import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, parsePlan } from '../server/src/engine/index';
import { lintWith, settingFor } from './support/fixtures';

const fixture = (name: string) => readFileSync(join(__dirname, 'rules/balanced-scorecard', name), 'utf8');
const status = (text: string) => settingFor('balanced-scorecard').rule.assess!(parsePlan(text), {}).status;

describe('balanced-scorecard', () => {
  it('says "no metrics" or "every metric is financial", whichever is the case', () => {
    for (const name of ['fires-no-metrics.md', 'fires-versions-are-no-targets.md']) {
      const [none] = lintWith(fixture(name), 'balanced-scorecard');
      assert.match(none.message, /^This plan sets no metrics/, name);
    }
    for (const name of ['fires-financial-only.md', 'fires-key-metric-in-prose.md']) {
      const [money] = lintWith(fixture(name), 'balanced-scorecard');
      assert.match(money.message, /^Every metric in this plan is financial/, name);
    }
  });

  it('scores a customer-outcome plus an experience metric as addressed, one of them as partly', () => {
    assert.equal(status(fixture('quiet-balanced-table.md')), 'addressed');
    assert.equal(status(fixture('quiet-indicators-list.md')), 'addressed');
    assert.equal(status(fixture('fires-partly-no-experience-measure.md')), 'partly');
    assert.equal(status(fixture('fires-partly-no-dimension-named.md')), 'partly');
    // A goals document's goals with targets are its metrics, though no heading says "Goals".
    assert.equal(status(fixture('fires-partly-goals-document-targets.md')), 'partly');
    // A metric's target on the lines after it ("Metric: …" > "- Target: 4") is its target: two kinds of target.
    assert.equal(status(fixture('quiet-metrics-with-targets-below.md')), 'addressed');
    assert.equal(status(fixture('fires-partly-metrics-without-targets.md')), 'partly');
  });

  it('reports partly one level below its severity, on the title, saying which dimension is missing, with the scorecard template', () => {
    const [f] = lintWith(fixture('fires-partly-no-experience-measure.md'), 'balanced-scorecard');
    assert.equal(f.severity, 'info');
    assert.equal(f.range.start.line, 0);
    assert.match(f.message, /no experience or capability measure/);
    assert.equal(f.fixes[0]?.title, 'Insert a "Scorecard" table');
  });

  it('inserts the scorecard right after the KPIs it balances', () => {
    const text = fixture('fires-financial-only.md');
    const [f] = lintWith(text, 'balanced-scorecard');
    const fixed = applyEdits(text, f.fixes[0].edits).split('\n');
    const kpis = fixed.indexOf('## KPIs');
    const scorecard = fixed.indexOf('## Scorecard');
    assert.ok(kpis >= 0 && scorecard > kpis && scorecard < fixed.indexOf('## Success criteria and ongoing support'), fixed.join('\n'));
  });
});
