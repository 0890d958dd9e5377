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
    headings: [risks, key assumption]
  - id: house/okrs
    kind: section-content
    severity: warning
    description: Objectives list two key results.
    message: List two key results.
    sections: [objectives]
    minItems: 2
`;
const root = workspace({ 'house.yaml': PACK, '.stratlint.yaml': 'root: true\nextends: [./house.yaml]\n' });
const BODY = 'Firms may not trust automated corrections; we would see it first as manual overrides above ten percent.';

function house(text: string): string[] {
  return lintDocument(text, { filePath: join(root, 'strategy.md'), stopDir: root })
    .findings.filter((f) => f.ruleId.startsWith('house/'))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
}

describe("pack rules' heading aliases match on word stems", () => {
  it('risks finds "Risk register", and key assumption finds "Key assumptions"', () => {
    assert.deepEqual(house(`# Payroll plan\n\n## Risk register\n\n${BODY}\n`), []);
    assert.deepEqual(house(`# Payroll plan\n\n## Key assumptions\n\n${BODY}\n`), []);
  });

  it('objectives finds "Objective", and a stem is still a whole word', () => {
    assert.deepEqual(house(`# Payroll plan\n\n## Risks\n\n${BODY}\n\n## Objective\n\n- one key result\n`), ['7:4 house/okrs']);
    assert.deepEqual(house(`# Payroll plan\n\n## Riskiness\n\n${BODY}\n`), ['1:3 house/risks']);
  });
});
