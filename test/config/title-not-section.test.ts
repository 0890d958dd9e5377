import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintDocument } from '../../server/src/engine/index';
import { workspace } from './workspace';

const PACK = `rules:
  - id: house/risks
    kind: require-section
    severity: warning
    description: The plan names its risks.
    message: Name the risks.
    headings: [risks]
  - id: house/milestones
    kind: metric
    severity: warning
    description: Every milestone has a number and a date.
    message: A milestone needs a number and a date.
    sections: [milestones]
`;
const root = workspace({ 'house.yaml': PACK, '.stratlint.yaml': 'root: true\nextends: [./house.yaml]\n' });

function house(text: string): string[] {
  return lintDocument(text, { filePath: join(root, 'strategy.md'), stopDir: root })
    .findings.filter((f) => f.ruleId.startsWith('house/'))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`);
}

const PLAN = (milestones: string) => `# Payroll risks and strategy 2027–2030\n\n## Milestones\n\n${milestones}\n`;

describe('the title names the plan: it is no section and no milestone date', () => {
  it('a title that says "risks" does not pass a rule asking for a Risks section', () => {
    assert.deepEqual(house(PLAN('- Onboard 200 firms by March 2028')), ['1:3 house/risks Name the risks.']);
  });

  it("a dated title does not date the plan's milestones; a dated heading above them still does", () => {
    assert.deepEqual(house(PLAN('- Onboard 200 firms')).slice(1), ['5:3 house/milestones A milestone needs a number and a date. Missing: a date.']);
    assert.deepEqual(house(PLAN('### By 2028\n\n- Onboard 200 firms')).slice(1), []);
  });

  it('a plan whose top-level headings are its sections keeps them as sections', () => {
    assert.deepEqual(house('# Risks\n\nFirms may not trust automated corrections; we would see it first as manual overrides above ten percent.\n\n# Milestones\n\n- Onboard 200 firms by 2028\n'), []);
  });
});
