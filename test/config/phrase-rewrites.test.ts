import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, lintDocument } from '../../server/src/engine/index';
import { configError, workspace } from './workspace';

const PACK = `rules:
  - id: house/jargon
    kind: avoid-phrase
    severity: warning
    description: Plain words instead of jargon.
    message: Say it plainly.
    replace:
      leverage: use
      best-in-class: fastest
      going forward: from now on
`;
const root = workspace({ 'house.yaml': PACK, '.stratlint.yaml': 'root: true\nextends: [./house.yaml]\n' });

function jargon(text: string) {
  return lintDocument(text, { filePath: join(root, 'strategy.md'), stopDir: root }).findings.filter((f) => f.ruleId === 'house/jargon');
}

const TEXT = '# Payroll strategy\n\nGoing forward we leverage our best in class engine.\n';

describe('avoid-phrase: a rewrite per phrase (replace)', () => {
  it('flags each phrase with a fix that puts its own rewrite in, capitalised as the words were', () => {
    const found = jargon(TEXT);
    assert.deepEqual(
      found.map((f) => [f.range.start.character, f.range.end.character, f.fixes.map((x) => [x.title, x.edits[0].newText, x.safe])]),
      [
        [0, 13, [['Replace with "From now on"', 'From now on', true]]],
        [17, 25, [['Replace with "use"', 'use', true]]],
        [30, 43, [['Replace with "fastest"', 'fastest', true]]],
      ],
    );
    const fixed = applyEdits(TEXT, found.map((f) => f.fixes[0].edits[0]));
    assert.equal(fixed, '# Payroll strategy\n\nFrom now on we use our fastest engine.\n');
    assert.deepEqual(jargon(fixed), []);
  });

  it('needs patterns or replace, and a rewrite that is not empty', () => {
    const bare = workspace({ 'p.yaml': PACK.replace(/ {4}replace:[\s\S]*$/, ''), '.stratlint.yaml': 'root: true\nextends: [./p.yaml]\n' });
    assert.match(configError(() => lintDocument(TEXT, { filePath: join(bare, 'strategy.md'), stopDir: bare })).message, /give "patterns", "replace" or both/);
    const empty = workspace({ 'p.yaml': PACK.replace('leverage: use', "leverage: ''"), '.stratlint.yaml': 'root: true\nextends: [./p.yaml]\n' });
    assert.match(configError(() => lintDocument(TEXT, { filePath: join(empty, 'strategy.md'), stopDir: empty })).message, /replace\.leverage/);
  });
});
