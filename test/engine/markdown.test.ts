import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../server/src/engine/plan/markdown';
import { fuzz, markdown, PLAN_LINES } from '../fuzz/support';
import { corpusFiles, corpusMissing, markdownFiles, projectDocs, skipWithoutCorpus } from '../support/markdown-data';

// parseMarkdown leaves out GFM constructs a text cannot contain: its tree must be the full processor's.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const sameTree = (text: string) => assert.deepStrictEqual(parseMarkdown(text), processor.parse(text), JSON.stringify(text));

/** Lines that make or nearly make tables, footnotes, strikethrough, task items and front matter. */
const content = fc.oneof(
  fc.constantFrom(
    '| a | b |', 'a | b', 'a|b', '|a|', '| a |', 'a', '\\|', '`a|b`', '`\\|`', '| `x\\|y` | z |',
    '|---|---|', '| --- | :-: |', '-|-', ':-|-:', '--|--', '|-', '-|', ':-', '|:', '| - |', '- | -', '---', ':--:', '|---|', '| -- | -- | -- |', ' |-|-| ',
    '[^1]', '[^1]: a note', '[^a b]', '![^1]', '[^]', '^1]', '[ ^1]',
    '~', '~~a~~', '~a~', '~~~', '*~a~*', '**~~b~~**',
    '[ ] todo', '[x] done', '[X]', '[\t] tab', '[]',
    '---', 'stratlint: true', '***', '===', '# Goals', '```', '<!-- c -->', 'https://example.com', 'a@b.co', 'www.x.org',
  ),
  fc.constantFrom(...PLAN_LINES),
  fc.string({ unit: fc.constantFrom('|', '-', ':', ' ', '\t', '>', 'a', '~', '[', '^', ']', '`', '\\'), maxLength: 10 }),
);
/** Words of one paragraph around link labels, open and closed, and the autolinks an open label forbids. */
const paragraph = fc
  .array(
    fc.constantFrom(
      '[', '![', ']', '[a]', '[a](b)', '![i](x.png)', '[a][b]', '[b]: /u', '[^1]', '](x)', '[[', ']]', '\\[', '`[`',
      'https://example.com/a?b', 'http://x.io).', 'www.x.org', '(www.y.org)', 'a@b.co', 'mailto:a@b.co', 'a.b@c-d.org.',
      'We', 'serve', 'clinics.', '*x*', '_', 'H', 'w', '\n',
      'a&#64;b.co', '&commat;', '&#x77;ww.x.org', 'HTTP://X.IO', 'WWW.x.org', 'www\\.x.org', 'x@', '@y.org', '[a@b.co]', '[www.x.org][b]',
    ),
    { maxLength: 30 },
  )
  .map((words) => words.join(' '));

const prefix = fc.array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '2) ', '  ', '   ', '    ', '\t', ' > '), { maxLength: 3 }).map((p) => p.join(''));
const line = fc.tuple(prefix, content).map(([p, c]) => p + c);
const document = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n')).map(([lines, eol]) => lines.join(eol));

/** The folder of the package `name` as Node resolves it from `from`. */
function packageDir(name: string, from: string): string {
  for (let dir = dirname(require.resolve(name, { paths: [from] })); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return dir;
  }
}

describe('parseMarkdown gives the tree of remark-parse + remark-gfm + remark-frontmatter', () => {
  it('on random lines of tables, footnotes, strikethrough and task items in quotes and lists', () => {
    fuzz(fc.property(document, (text) => void sameTree(text)), 1500);
  });

  it('on paragraphs of link labels and autolink literals (the linear autolink check)', () => {
    fuzz(fc.property(paragraph, (text) => void sameTree(text)), 1500);
  });

  it('on random Markdown from the fuzz tests', () => {
    fuzz(fc.property(markdown, (text) => void sameTree(text)), 300);
  });

  it('on autolink literals the transform gate must let through', () => {
    for (const text of ['a&#64;b.co', 'x &commat;b.co a&commat;b.co', '&#x77;ww.x.org', 'HTTP://X.IO', 'Www.x.org', 'www\\.x.org', '*a@b.co*', '[x](y) a@b.co', '> - see https://x.io', '| a | b |\n| - | - |\n| www.x.org | c |', '[a@b.co]', '[www.x.org][r]\n\n[r]: /u'])
      sameTree(text);
    assert.equal(JSON.stringify(parseMarkdown('mail a&#64;b.co')).includes('"link"'), true);
  });

  it('on autolink literals with and without an @ (without one, the e-mail construct is left out; without www. or a scheme too, the others)', () => {
    for (const text of ['see www.x.org or https://y.io/a?b', 'HTTP://X.IO and Www.x.org', 'a@b.co at www.x.org', 'a_b@c-d.org.', 'x@', 'plain words only', 'http:/x.io wwwx.org www', '[www.x.org][r] a\n\n[r]: /u', 'mailto:a@b.co', 'h w W H 1 _'])
      sameTree(text);
    assert.equal(JSON.stringify(parseMarkdown('see www.x.org')).includes('"link"'), true);
  });

  it('on tables the gate must let through', () => {
    for (const text of ['a|b\n-|-', '> a|b\n> -|-\n> c|d', '- a | b\n  --|--', '> - | a |\n>   | :-: |', '1. x\n\n   a|b\n   -:|:-', '[^1]\n\n[^1]: a ~b~', '|a|\n|-|'])
      sameTree(text);
    assert.equal(parseMarkdown('> a|b\n> -|-').children[0].type, 'blockquote');
    assert.deepEqual(parseMarkdown('- a | b\n  --|--').children.map((n) => n.type), ['list']);
    assert.equal(JSON.stringify(parseMarkdown('> a|b\n> -|-')).includes('"table"'), true);
  });

  it('on every rule fixture and the project\'s documents', () => {
    const fixtures = markdownFiles(join(__dirname, '../rules'));
    assert.ok(fixtures.length > 150, `${fixtures.length} fixtures`);
    for (const file of [...fixtures, ...projectDocs]) sameTree(readFileSync(file, 'utf8'));
  });

  skipWithoutCorpus('on every corpus document');
  if (!corpusMissing) it('on every corpus document', () => corpusFiles.forEach((file) => sameTree(readFileSync(file, 'utf8'))));

  // micromark 4.0.3 is quadratic on many short lists (see micromark-pin.test.ts); this module imports
  // mdast-util-from-markdown itself, so its micromark must be the pinned one too.
  it('uses micromark 4.0.2', () => {
    const micromark = packageDir('micromark', packageDir('mdast-util-from-markdown', join(__dirname, '../../server/src/engine/plan')));
    assert.equal((JSON.parse(readFileSync(join(micromark, 'package.json'), 'utf8')) as { version: string }).version, '4.0.2');
  });
});
