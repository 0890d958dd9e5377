import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWith } from '../support/fixtures';

/** The words each finding covers, in order. */
function found(text: string, options: Record<string, unknown>): string[] {
  const lines = text.split('\n');
  return lintWith(text, 'buzzword-fluff', options).map((f) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character));
}

const PLAN = '# Plan\n\nA seamless, world-class toolkit (v2.0) for a.b.c teams.\n';

describe('avoid-phrase options (terms, allow)', () => {
  it('uses the rule\'s own patterns without options', () => {
    assert.deepEqual(found(PLAN, {}), ['seamless', 'world-class']);
  });

  it('terms replace the patterns and are taken literally, spaces matching hyphens', () => {
    assert.deepEqual(found(PLAN, { terms: ['(v2.0)', 'world class', 'a.b.c'] }), ['world-class', '(v2.0)', 'a.b.c']);
    assert.deepEqual(found('# Plan\n\nA v2x0 plan for abc teams.\n', { terms: ['(v2.0)', 'a.b.c'] }), []);
  });

  it('allow drops findings whose words contain an allowed phrase', () => {
    assert.deepEqual(found(PLAN, { allow: ['World Class'] }), ['seamless']);
    assert.deepEqual(found('# Plan\n\nOur next-generation platform.\n', { allow: ['next-generation'] }), []);
    assert.deepEqual(found(PLAN, { allow: ['class'] }), ['seamless']);
    assert.deepEqual(found(PLAN, { allow: ['seam'] }), ['seamless', 'world-class']);
  });

  it('ignores values of the wrong type and entries without a letter or digit', () => {
    assert.deepEqual(found(PLAN, { terms: 'seamless', allow: [1] }), ['seamless', 'world-class']);
    assert.deepEqual(found(PLAN, { terms: ['-', ' '] }), []);
  });
});
