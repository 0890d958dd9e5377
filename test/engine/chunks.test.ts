import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { splitChunks } from '../../server/src/engine/plan/chunks';
import { splitPieces } from '../../server/src/engine/plan/pieces';
import type { Plan } from '../../server/src/engine/plan/model';
import { ChunkCache, parseChunks, parsePlan } from '../../server/src/engine/plan/parse';
import { corpusFiles, projectDocs, skipWithoutCorpus } from '../support/markdown-data';

/** Everything rules can see of a plan, in comparable form. */
function shape(p: Plan) {
  return {
    blocks: p.blocks.map((b) => [b.kind, b.text, Array.from(b.offsets), b.start, b.end, b.inQuote, b.label, b.section.start, b.sentences, b.cells, b.header]),
    sections: p.sections.map((s) => [s.level, s.normalized, s.start, s.end, s.blockStart, s.blockEnd]),
    comments: p.comments,
    frontMatter: p.frontMatter,
    title: p.title,
  };
}

const whole = (text: string) => parseChunks(text, [{ start: 0, text }]);

describe('chunked parsing', () => {
  it('splits at top-level headings only outside code fences, HTML and front matter', () => {
    const pad = 'x'.repeat(2100);
    const text = `---\n# yaml comment\n---\n${pad}\n\n\`\`\`\n# not a heading\n${pad}\n\`\`\`\n\n# One\n\n<!--\n# in a comment\n${pad}\n-->\n\n# Two\n`;
    assert.deepEqual(
      splitChunks(text).map((c) => c.text.split('\n')[0]),
      ['---', '# One', '# Two'],
    );
    const defined = splitChunks(`[a]: https://example.com\n\n${text}See [B].\n\n[b]: /b 'B'\n`);
    assert.deepEqual(
      defined.map((c) => c.definitions),
      ['[a]: https://example.com', undefined, "[b]: /b 'B'"],
      'a chunk carries the definitions of the labels it mentions',
    );
    for (const unsafe of ['Text\n[a]: /a\n', '> [a]: /a\n', '[a]:\n  /a\n', '[^1]: note\n', '- [a]: /a\n']) {
      assert.equal(splitChunks(unsafe + text).length, 1, `no split: ${JSON.stringify(unsafe)}`);
    }
  });

  for (const file of [...projectDocs, ...corpusFiles]) {
    it(`gives the same plan as a whole-document parse: ${relative(join(__dirname, '../..'), file)}`, () => {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(shape(parsePlan(text)), shape(whole(text)));
    });
  }
  skipWithoutCorpus('gives the same plan as a whole-document parse: the shared corpus');

  it('resolves a reference against a definition in another chunk as a whole parse does', () => {
    const pad = 'Customers finish work sooner. '.repeat(80);
    const text = `# Plan\n\nSee [the survey][s] and [missing][m].\n\n${pad}\n\n## Sources\n\n${pad}\n\n[s]: https://example.com/survey "Survey"\n\n[S]: /second-definition-ignored\n`;
    assert.deepEqual(
      splitChunks(text).map((c) => c.definitions),
      ['[s]: https://example.com/survey "Survey"', '[s]: https://example.com/survey "Survey"'],
      'only the first definition of a label, for the chunks that mention it',
    );
    assert.deepEqual(shape(parsePlan(text)), shape(whole(text)));
    assert.equal(parsePlan(text).blocks[1].text, 'See the survey and [missing][m].');
  });

  it('reuses cached chunks and still maps positions after an edit above them', () => {
    const cache = new ChunkCache();
    const section = (n: number) => `## Section ${n}\n\n${'Customers finish work sooner. '.repeat(80)}\n\n`;
    const text = `# Plan\n\n${[1, 2, 3].map(section).join('')}`;
    parsePlan(text, cache);
    const edited = text.replace('## Section 1\n\n', '## Section 1\n\nA new line here.\n\n');
    assert.deepEqual(shape(parsePlan(edited, cache)), shape(whole(edited)));
  });

  /** Every cut the pieces may take, taken: a piece of one line wherever the line may start one. */
  const everyCut = { lines: 1, hard: Infinity };
  const edgeCases = {
    lists: '# T\n\n1. a\n2. b\n   more\n3. c\nlazy\n4. d\n\n- x\n- y\n  - z\n- w\n* v\n+ u\n\n1) p\n2) q\n1. r\ntext\n2. s\n- - -\n',
    quotes: '> a\n> b\nlazy\n> c\n> d\n\n> e\n>f\n> - g\n> h\n\n- > i\n> j\nk\n',
    tables: '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\nfoo\n| 5 | 6 |\n\n| x |\n|---|---|\n| y |\n\ntext\n| c | d |\n|---|---|\n| 7 | 8 |\n| 9 | 0 |\n',
    fences: '```js\nx\n\ny\n```\n\n  ```\n  a\n\n  b\n  ```\n- item\n  ```\n  in\n\n  list\n  ```\n  after\n~~~~\n~~~\n# not\n~~~~\nend\n',
    html: '<pre>\na\n\n# b\n</pre>\ntext\n\n<div>\nx\n\ny\n<!--\nc\n\nd\n-->\ne\n<?php\n\n?>\nf\n',
    'line breaks': 'a\r\nb\r\nc\r\n\r\n- x\r\n- y\r\n\r\n> q\r\n> r\r\ns\rt\ru\r',
    inline: 'a *b\nc* d\ne _f\ng_ h\ni `j\nk` l\n[m\nn](o) p\nq  \nr\\\ns\nOutcome\n: x\nKR: a\nb. C d\ne\n',
  };

  for (const [name, text] of Object.entries(edgeCases)) {
    it(`cut wherever a piece may start, gives the whole parse's plan: ${name}`, () => {
      const pieces = splitChunks(text, 0, everyCut);
      assert.ok(pieces.length > 2, `${pieces.length} pieces`);
      assert.deepEqual(shape(parseChunks(text, pieces)), shape(whole(text)));
    });
  }

  for (const file of [...projectDocs, ...corpusFiles]) {
    it(`cut wherever a piece may start, gives the whole parse's plan: ${relative(join(__dirname, '../..'), file)}`, () => {
      const text = readFileSync(file, 'utf8');
      const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      assert.deepEqual(shape(parseChunks(text, splitChunks(text, from, everyCut))), shape(parseChunks(text, [{ start: from, text: text.slice(from) }])));
    });
  }
  skipWithoutCorpus("cut wherever a piece may start, gives the whole parse's plan: the shared corpus");

  it('cuts a chunk of more than 100 lines into pieces of at most 400, whatever its shape', () => {
    const shapes = {
      paragraphs: 'Grow 5%.\n\n'.repeat(500),
      list: '- Grow 5%\n'.repeat(1000),
      paragraph: 'Grow 5%.\n'.repeat(1000),
      table: `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(1000)}`,
      quote: '> Grow 5%\n'.repeat(1000),
      code: `\`\`\`\n${'x = 5%;\n'.repeat(1000)}\`\`\`\n`,
      'lines that are no block of their own': '  *a*\n'.repeat(1000),
    };
    for (const [name, text] of Object.entries(shapes)) {
      const pieces = splitPieces({ start: 0, text });
      assert.ok(pieces.length >= 3, `${name}: ${pieces.length} pieces`);
      for (const p of pieces) assert.ok(p.text.split('\n').length <= 401, `${name}: a piece of ${p.text.split('\n').length} lines`);
      assert.equal(pieces.map((p) => p.text).join(''), text);
      if (name !== 'lines that are no block of their own') assert.deepEqual(shape(parseChunks(text, pieces)), shape(whole(text)), name);
    }
  });

  it('joins the pieces of a long paragraph into one block with the offsets of the whole', () => {
    const text = `# Plan\n\n${'We grow revenue in the clinic market.\n'.repeat(300)}\nEnd.\n`;
    const plan = parsePlan(text);
    assert.ok(splitChunks(text).length > 2);
    assert.equal(plan.blocks.length, 3);
    assert.deepEqual(shape(plan), shape(whole(text)));
  });
});
