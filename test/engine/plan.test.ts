import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlan } from '../../server/src/engine/index';
import { normalizeHeading } from '../../server/src/engine/plan/headings';
import { blockRange } from '../../server/src/engine/plan/scope';
import { docOffsetOf } from '../../server/src/engine/plan/model';

/** The document text a block's prose maps back to, character by character. */
function mapped(text: string, from: string) {
  const plan = parsePlan(text);
  const block = plan.blocks.find((b) => b.text.includes(from))!;
  const i = block.text.indexOf(from);
  const r = blockRange(plan, block, i, i + from.length);
  return { r, slice: plan.lines.lineText(r.start.line).slice(r.start.character, r.end.character) };
}

describe('plan model', () => {
  it('reads sections with levels, normalised headings and nesting', () => {
    const plan = parsePlan('# Plan\n\n## 1. Target Customers\n\nText.\n\n### Part II: Why we win 🚀\n\nMore.\n\n## Appendix\n');
    assert.deepEqual(
      plan.sections.map((s) => [s.level, s.normalized, s.parent?.level]),
      [
        [0, '', undefined],
        [1, 'plan', 0],
        [2, 'target customers', 1],
        [3, 'why we win', 2],
        [2, 'appendix', 1],
      ],
    );
    const target = plan.sections[2];
    assert.deepEqual(plan.blocks.slice(target.blockStart, target.blockEnd).map((b) => b.text), ['1. Target Customers', 'Text.', 'Part II: Why we win 🚀', 'More.']);
  });

  it('normalises numbering, punctuation and case in headings', () => {
    assert.equal(normalizeHeading('3.2 Right-to-Win:'), 'right to win');
    assert.equal(normalizeHeading('IV. Customer outcomes'), 'customer outcomes');
    assert.equal(normalizeHeading('Step 2 – Capabilities & Operating model'), 'capabilities and operating model');
    assert.equal(normalizeHeading('A plan for growth'), 'a plan for growth');
  });

  it('keeps code blocks, inline code, HTML comments, link URLs and front matter out of prose', () => {
    const plan = parsePlan('---\nowner: customers reduce cost\n---\n# P\n\nSee [our site](https://customers-reduce.example) and `customers reduce` <!-- customers reduce --> now.\n\n```\ncustomers reduce cost\n```\n\n<https://example.com/customers>\n');
    const prose = plan.blocks.map((b) => b.text).join('\n');
    assert.equal(prose, 'P\nSee our site and \uFFFC  now.\n');
    assert.deepEqual(plan.frontMatter, { owner: 'customers reduce cost' });
    assert.deepEqual(plan.comments.map((c) => c.body), [' customers reduce ']);
  });

  it('keeps template placeholders as prose but drops HTML tags', () => {
    const plan = parsePlan('# P\n\nWe help <who> achieve <result>.<br>Done <span>x</span>.\n');
    assert.equal(plan.blocks[1].text, 'We help <who> achieve <result>. Done  x .');
  });

  it('maps prose back to exact UTF-16 positions with CRLF, BOM, tabs, emoji, escapes and entities', () => {
    assert.deepEqual(mapped('# T\r\n\r\n- 🚀\tWe aim for \\*feature parity\\* now\r\n', 'feature parity'), {
      r: { start: { line: 2, character: 18 }, end: { line: 2, character: 32 } },
      slice: 'feature parity',
    });
    const bom = mapped('\uFEFF# Title\n\nAcme &amp; rivals: **world-class** service\n', 'world-class');
    assert.equal(bom.slice, 'world-class');
    assert.deepEqual(bom.r.start, { line: 2, character: 21 });
    const quoted = mapped('# T\n\n> quoted line one\n> and then best-in-class text\n', 'best-in-class');
    assert.equal(quoted.slice, 'best-in-class');
    assert.equal(quoted.r.start.line, 3);
  });

  it('puts the title on the first heading, else on the first line of text after front matter', () => {
    assert.deepEqual(parsePlan('intro\n\n## Real title\n').title.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 13 } });
    assert.deepEqual(parsePlan('---\na: 1\n---\n\n  Plain plan text\n').title.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 17 } });
    assert.deepEqual(parsePlan('').title.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it("takes a front matter's title when the plan has no top-level heading", () => {
    const page = parsePlan('---\ntitle: "Success measures"\n---\n\n### Partner satisfaction\n');
    assert.equal(page.title.text, 'Success measures');
    assert.deepEqual(page.title.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 24 } });
    const titled = parsePlan('---\ntitle: Page\n---\n\n# Strategy 2027\n');
    assert.equal(titled.title.text, 'Strategy 2027');
  });

  it('reads blocks: list items, table rows with cells and header, quotes, labels, sentences', () => {
    const plan = parsePlan('# P\n\n- **Outcome:** teams finish sooner. Then more.\n\n| Metric | Target |\n|---|---|\n| NPS | 40 |\n\n> Quoted idea.\n');
    const [, item, head, row, quote] = plan.blocks;
    assert.equal(item.kind, 'list-item');
    assert.equal(item.label, 'outcome');
    assert.deepEqual(item.sentences.map((s) => item.text.slice(s.start, s.end)), ['Outcome: teams finish sooner.', 'Then more.']);
    assert.deepEqual([head.kind, head.cells, head.header], ['table-row', ['Metric', 'Target'], undefined]);
    assert.deepEqual([row.cells, row.header], [['NPS', '40'], ['Metric', 'Target']]);
    assert.equal(quote.inQuote, true);
  });

  it('reads a table written in HTML like a Markdown table: rows, cells without their tags, the first row as header, offsets in the source', () => {
    const md = '# P\n\n<table>\n  <tr><th>Goal</th><th>Owner</th></tr>\n  <tr>\n    <td>Clinics fill <b>more</b> slots</td>\n    <td>Ops &amp; Sales</td>\n  </tr>\n</table>\n';
    const plan = parsePlan(md);
    const rows = plan.blocks.filter((b) => b.kind === 'table-row');
    assert.deepEqual(rows.map((r) => [r.cells, r.header]), [
      [['Goal', 'Owner'], undefined],
      [['Clinics fill more slots', 'Ops & Sales'], ['Goal', 'Owner']],
    ]);
    const row = rows[1];
    const at = row.text.indexOf('slots');
    assert.equal(md.slice(docOffsetOf(row, at), docOffsetOf(row, at) + 5), 'slots');
    const amp = row.text.indexOf('&');
    assert.equal(md.slice(docOffsetOf(row, amp), docOffsetOf(row, amp) + 5), '&amp;');
  });

  it("tells a quote of someone else from the plan's own statement set apart in a quote", () => {
    const cited = (md: string) => parsePlan(md).blocks.filter((b) => b.inQuote).map((b) => b.cited);
    // Opening its section, or after "Our vision:": the plan's own words.
    assert.deepEqual(cited('# P\n\n## Vision\n\n> We reach feature parity with IDEs.\n'), [false]);
    assert.deepEqual(cited('# P\n\nOur vision for 2027:\n\n> Every clinic books in a day.\n'), [false]);
    // Attributed, in quotation marks, or brought in by the prose before it: someone else's.
    assert.deepEqual(cited('# P\n\n## Voice\n\n> Faster, please.\n> — a clinic manager\n'), [true]);
    assert.deepEqual(cited('# P\n\n## Voice\n\n> “Faster, please.”\n'), [true]);
    assert.deepEqual(cited('# P\n\nA rival\'s launch post promised the same thing:\n\n> The best assistant.\n'), [true]);
    assert.deepEqual(cited('# P\n\nThat bet cost us two years.\n\n> Reach feature parity with Acme.\n'), [true]);
  });

  it('does not split sentences at abbreviations or list numbering', () => {
    const plan = parsePlan('# P\n\nWe serve SMBs, e.g. Acme Inc. and others. Next we grow.\n');
    const b = plan.blocks[1];
    assert.deepEqual(b.sentences.map((s) => b.text.slice(s.start, s.end)), ['We serve SMBs, e.g. Acme Inc. and others.', 'Next we grow.']);
  });
});
