import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareRuleIds } from '../../server/src/engine/lint';
import { builtinRuleIds } from '../../server/src/engine/rules/builtin';
import { fuzz } from '../fuzz/support';

// Findings on one place are ordered by rule ID as localeCompare orders them.
const same = (a: string, b: string) => assert.equal(Math.sign(compareRuleIds(a, b)), Math.sign(a.localeCompare(b)), JSON.stringify([a, b]));

describe('compareRuleIds orders as localeCompare', () => {
  it('on the built-in IDs and pack IDs', () => {
    const ids = [...builtinRuleIds(), 'acme/x', 'acme/x-y', 'acme-x/y', 'a', 'a-', 'a/b', 'a0', 'a-b/c-d'];
    for (const a of ids) for (const b of ids) same(a, b);
  });

  it('on random IDs, and on names no schema allows', () => {
    const id = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', '-', '/'), maxLength: 8 });
    fuzz(fc.property(id, id, (a, b) => void same(a, b)), 3000);
    for (const [a, b] of [['B', 'a'], ['a_b', 'a-b'], ['é', 'f'], ['a.b', 'a-b'], ['A', 'a']]) {
      same(a, b);
      same(b, a);
    }
  });
});
