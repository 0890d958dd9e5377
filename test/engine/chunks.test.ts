import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { splitChunks } from '../../server/src/engine/plan/chunks';
import type { Plan } from '../../server/src/engine/plan/model';
import { ChunkCache, parseChunks, parsePlan } from '../../server/src/engine/plan/parse';
import { corpusFiles, projectDocs, skipWithoutCorpus } from '../support/markdown-data';

/** Everything rules can see of a plan, in comparable form. */
function shape(p: Plan) {
  return {
    blocks: p.blocks.map((b) => [b.kind, b.text, Array.from(b.offsets), b.start, b.end, b.inQuote, b.label, b.section.start]),
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
});
