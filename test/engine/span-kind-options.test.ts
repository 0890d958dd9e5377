import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lintPlan, parsePlan } from '../../server/src/engine/index';
import { compileRule } from '../../server/src/engine/rules/compile';
import { ruleSchema } from '../../server/src/engine/rules/schema';

const base = { severity: 'warning', description: 'test rule', message: 'Test message.' };

/** Lints text with one rule given as data; returns the words each finding covers and the findings. */
function lint(data: Record<string, unknown>, text: string) {
  const rule = compileRule(ruleSchema.parse({ ...base, ...data }), {}, 'about:blank');
  const findings = lintPlan(parsePlan(text), [{ rule, severity: 'warning', options: {} }], new Set([rule.meta.id])).findings;
  const lines = text.split('\n');
  return { words: findings.map((f) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)), findings };
}

describe('avoid-phrase exceptSections', () => {
  const rule = { id: 'ship-goal', kind: 'avoid-phrase', patterns: ['\\bship\\b'], inSections: ['goals'], exceptSections: ['non goals'] };

  it('skips a section whose heading also matches inSections', () => {
    const text = '# Plan\n\n## Goals\n\n- Ship the app.\n\n## Non-goals\n\n- Ship a watch app.\n';
    assert.deepEqual(lint(rule, text).words, ['Ship']);
    assert.equal(lint(rule, text).findings[0].range.start.line, 4);
  });
});

describe('metric paragraphs', () => {
  const rule = { id: 'kr-measure', kind: 'metric', sections: ['key results'], labels: ['kr'] };
  const text = '# Plan 2026\n\n## Key results\n\nWe review these with each team.\n\n- Faster onboarding.\n\nKR: Happier clinics.\n';

  it('reads list items, rows and labelled paragraphs as metrics, other paragraphs as prose', () => {
    assert.deepEqual(lint(rule, text).words, ['Faster onboarding.', 'KR: Happier clinics.']);
  });

  it('reads every paragraph in the sections when paragraphs is true', () => {
    assert.deepEqual(lint({ ...rule, paragraphs: true }, text).words, ['We review these with each team.', 'Faster onboarding.', 'KR: Happier clinics.']);
  });
});

describe('appending a template to a heading', () => {
  it('adds a paragraph below the heading instead of changing it', () => {
    const rule = {
      id: 'claim',
      kind: 'require-evidence',
      trigger: ['\\bcustomer-first\\b'],
      evidence: ['\\bmeasured by\\b'],
      scope: 'section',
      fix: { title: 'Show it', template: 'Measured by <metric>.', action: 'append-block' },
    };
    const text = '# Plan\n\n## Customer-first support\n\nWe answer email.\n';
    const [finding] = lint(rule, text).findings;
    assert.equal(applyEdits(text, finding.fixes[0].edits), '# Plan\n\n## Customer-first support\n\nMeasured by <metric>.\n\nWe answer email.\n');
  });
});

describe('insert-after', () => {
  const rule = {
    id: 'usage',
    kind: 'avoid-phrase',
    patterns: ['\\binstalls\\b'],
    fix: { title: 'Add a row', template: 'Customer result: <result>', action: 'insert-after' },
  };
  const fixed = (text: string) => {
    const [finding] = lint(rule, text).findings;
    return applyEdits(text, finding.fixes[0].edits);
  };

  it('adds the next list item with the same marker', () => {
    assert.equal(fixed('# P\n\n> 1. Installs double.\n> 2. Churn halves.\n'), '# P\n\n> 1. Installs double.\n> 1. Customer result: <result>\n> 2. Churn halves.\n');
  });

  it('adds a table row with as many cells as the table', () => {
    assert.equal(fixed('# P\n\n| Metric | Target |\n| --- | --- |\n| Installs | 30,000 |\n'), '# P\n\n| Metric | Target |\n| --- | --- |\n| Installs | 30,000 |\n| Customer result: <result> | |\n');
  });

  it('adds a paragraph after a paragraph', () => {
    assert.equal(fixed('# P\n\nWe count installs\nweekly.\n\nMore.\n'), '# P\n\nWe count installs\nweekly.\n\nCustomer result: <result>\n\nMore.\n');
  });
});

describe('append-block', () => {
  const rule = (template: string) => ({ id: 'ship', kind: 'avoid-phrase', patterns: ['\\bship\\b'], fix: { title: 'Add', template, action: 'append-block' } });
  const fixed = (template: string, text: string) => applyEdits(text, lint(rule(template), text).findings[0].fixes[0].edits);

  it('continues the sentence before its full stop when the template starts in lower case or with a dash', () => {
    assert.equal(fixed('so that <who> <result>.', '# P\n\n- Ship refunds by Q2.\n'), '# P\n\n- Ship refunds by Q2 so that <who> <result>.\n');
    assert.equal(fixed('— measured by <metric>.', '# P\n\nShip refunds.\n'), '# P\n\nShip refunds — measured by <metric>.\n');
  });

  it('adds a new sentence after the full stop otherwise', () => {
    assert.equal(fixed('We will show it.', '# P\n\nShip refunds.\n'), '# P\n\nShip refunds. We will show it.\n');
  });

  it('appends to the table cell that holds the words', () => {
    assert.equal(fixed('so that <who> <result>', '# P\n\n| Goal | Owner |\n| --- | --- |\n| Ship refunds | Ana |\n'), '# P\n\n| Goal | Owner |\n| --- | --- |\n| Ship refunds so that <who> <result> | Ana |\n');
  });
});

describe('metric list nesting', () => {
  const rule = { id: 'kr-measure', kind: 'metric', sections: ['key results'] };

  it('skips the details under a measured item and the titles grouping measured items', () => {
    const text = [
      '# Plan',
      '',
      // The date every line takes comes from the heading: the title's would not count.
      '## Key results for 2026',
      '',
      '- Median setup time from 14 days to 3.',
      '  - Owner: Priya',
      '  - Depends on the new importer',
      '- Onboarding',
      '  - Half of new clinics need no setup call.',
      '  - Happier admins.',
      '- Faster support.',
      '',
    ].join('\n');
    assert.deepEqual(lint(rule, text).words, ['Happier admins.', 'Faster support.']);
  });
});

describe('avoid-phrase skipNestedItems', () => {
  it('reads top-level items and labelled lines at any depth', () => {
    const rule = { id: 'ship-goal', kind: 'avoid-phrase', patterns: ['\\bship\\b'], inSections: ['goals'], inLabels: ['kr'], skipNestedItems: true };
    const text = '# Plan\n\n## Goals\n\n- Ship the app.\n  - Ship the importer first.\n  - KR: Ship offline mode.\n';
    assert.deepEqual(lint(rule, text).words, ['Ship', 'Ship']);
    assert.deepEqual(lint(rule, text).findings.map((f) => f.range.start.line), [4, 6]);
  });
});
