/** The text the server writes: snippet tab stops from templates, and disable comments in odd places. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, parsePlan } from '../../server/src/engine/index';
import { disableForFile, disableForLine } from '../../server/src/server/features/disableComments';
import { hasPlaceholders, toSnippet } from '../../server/src/server/snippets';

describe('template placeholders as snippet tab stops', () => {
  it('numbers each placeholder, keeps its text as the default, and escapes the rest', () => {
    // [[who]] as the templates write it, <date> as older packs do
    assert.equal(toSnippet('- **Outcome:** [[who]] saves $5 {a} \\ by <date>'), '- **Outcome:** ${1:[[who]]} saves \\$5 {a\\} \\\\ by ${2:<date>}');
  });

  it('leaves HTML comments and comparison signs alone', () => {
    assert.equal(hasPlaceholders('<!-- stratlint-disable-line x --> a < b > c'), false);
    assert.equal(toSnippet('<!-- note --> x'), '<!-- note --> x');
  });
});

describe('disable comments', () => {
  const apply = (text: string, edit: ReturnType<typeof disableForLine>) => applyEdits(text, edit ? [edit] : []);

  it('goes at the end of a paragraph line', () => {
    const text = '# Plan\n\nWe will win. Really.\n';
    assert.equal(apply(text, disableForLine(parsePlan(text), 'we-know-best', 2)), '# Plan\n\nWe will win. Really. <!-- stratlint-disable-line we-know-best -->\n');
  });

  it('goes inside the last cell of a table row, where GFM keeps it', () => {
    const text = '# Plan\n\n| a | b |\n|---|---|\n| x | y |\n';
    assert.equal(apply(text, disableForLine(parsePlan(text), 'metric', 4)), '# Plan\n\n| a | b |\n|---|---|\n| x | y <!-- stratlint-disable-line metric --> |\n');
  });

  it('joins an existing directive, and adds nothing when the rule (or every rule) is already named', () => {
    const text = '# Plan <!-- stratlint-disable-line a -- reason -->\n# Other <!-- stratlint-disable-line -->\n';
    const plan = parsePlan(text);
    assert.equal(apply(text, disableForLine(plan, 'b', 0)).split('\n')[0], '# Plan <!-- stratlint-disable-line a b -- reason -->');
    assert.equal(disableForLine(plan, 'a', 0), undefined);
    assert.equal(disableForLine(plan, 'b', 1), undefined);
  });

  it('is not offered inside front matter', () => {
    assert.equal(disableForLine(parsePlan('---\nhorizon: 1 year\n---\n# Plan\n'), 'time-horizon', 1), undefined);
  });

  it('for the file: after the front matter, or joining the directive already there', () => {
    const text = '---\ntype: strategy\n---\n# Plan\n';
    const once = apply(text, disableForFile(parsePlan(text), 'a'));
    assert.equal(once, '---\ntype: strategy\n---\n<!-- stratlint-disable-file a -->\n\n# Plan\n');
    assert.equal(apply(once, disableForFile(parsePlan(once), 'b')), '---\ntype: strategy\n---\n<!-- stratlint-disable-file a b -->\n\n# Plan\n');
    assert.equal(disableForFile(parsePlan(once), 'a'), undefined);
  });

  it('keeps CRLF line ends', () => {
    const text = '# Plan\r\nText.\r\n';
    assert.equal(apply(text, disableForFile(parsePlan(text), 'a')), '<!-- stratlint-disable-file a -->\r\n\r\n# Plan\r\nText.\r\n');
  });
});
