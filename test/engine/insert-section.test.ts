import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, parsePlan } from '../../server/src/engine/index';
import { insertSectionFix } from '../../server/src/engine/fixes/insert-section';

const fix = { title: 'Insert', template: '## Right to win\n\n- <capability> → <why rivals cannot match>\n', after: ['target customers'] };

function insert(text: string) {
  const f = insertSectionFix(parsePlan(text), fix);
  return f && applyEdits(text, f.edits);
}

describe('section templates', () => {
  it('go after the related section, at the plan’s section level, with blank lines around', () => {
    const text = '# Plan\n\n## Target customers\n\nMid-size clinics.\n\n### Traits\n\nBusy.\n\n## Outcomes\n\nText.\n';
    assert.equal(insert(text), '# Plan\n\n## Target customers\n\nMid-size clinics.\n\n### Traits\n\nBusy.\n\n## Right to win\n\n- <capability> → <why rivals cannot match>\n\n## Outcomes\n\nText.\n');
  });

  it('go before the appendices when there is no related section', () => {
    const text = '# Plan\n\n## Goals\n\nText.\n\n## Appendix A: data\n\nTables.\n';
    assert.equal(insert(text), '# Plan\n\n## Goals\n\nText.\n\n## Right to win\n\n- <capability> → <why rivals cannot match>\n\n## Appendix A: data\n\nTables.\n');
  });

  it('go at the end otherwise, adapting the heading level and keeping CRLF line breaks', () => {
    const text = '# Plan\r\n\r\n# Goals\r\n\r\nText.';
    assert.equal(insert(text), '# Plan\r\n\r\n# Goals\r\n\r\nText.\r\n\r\n# Right to win\r\n\r\n- <capability> → <why rivals cannot match>\r\n');
  });

  it('are never inserted twice', () => {
    const once = insert('# Plan\n\nText.\n')!;
    assert.equal(once, '# Plan\n\nText.\n\n## Right to win\n\n- <capability> → <why rivals cannot match>\n');
    assert.equal(insertSectionFix(parsePlan(once), fix), undefined);
  });
});
