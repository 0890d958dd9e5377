import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT, run, tree } from './helpers';

const PACK = `rules:
  - id: house/jargon
    kind: avoid-phrase
    severity: warning
    description: Plain words instead of jargon.
    message: Say it plainly.
    replace:
      leverage: use
  - id: house/risks
    kind: require-section
    severity: warning
    recommended: false
    description: The plan names its risks.
    message: Name the risks.
    headings: [risks]
`;

describe('stratlint test-pack', () => {
  it('passes the example pack on its fixtures (what CI runs)', async () => {
    const r = await run(['test-pack', 'examples/packs/acme-planning.yaml'], ROOT);
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.equal(
      r.stdout,
      '✔ examples/packs/acme-planning.tests/fires-weak-plan.md\n✔ examples/packs/acme-planning.tests/quiet-decent-plan.md\n\n2 fixtures match their marks (5 rules)\n',
    );
  });

  it('reports each finding missing or unexpected, and marks for rules the pack does not have', async () => {
    const dir = tree({
      'house.yaml': PACK,
      'house.tests/good.md': '# Plan\n\nWe leverage data. <!-- expect house/jargon "leverage" -->\n\n## Risks\n\nFirms may not trust automated corrections; we would see it first as manual overrides above ten percent.\n',
      'house.tests/bad.md': '# Plan <!-- expect house/risk -->\n\nWe leverage data.\n\nWe use data. <!-- expect house/jargon "use" -->\n',
    });
    const r = await run(['test-pack', 'house.yaml'], dir);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        '✖ house.tests/bad.md',
        '  missing     house/jargon 5:4-7 "use"',
        '  unexpected  house/risks 1:3-7 "Plan"',
        '  unexpected  house/jargon 3:4-12 "leverage"',
        '  no such rule in the pack: house/risk 1:3-7 "Plan"',
        '✔ house.tests/good.md',
        '',
        '1 of 2 fixtures differ from their marks',
        '',
      ].join('\n'),
    );
  });

  it('takes fixtures named on the command line, and exits 2 when there are none', async () => {
    const dir = tree({ 'house.yaml': PACK, 'cases/one.md': '# Plan <!-- expect house/risks -->\n\nText.\n' });
    const named = await run(['test-pack', 'house.yaml', 'cases'], dir);
    assert.deepEqual([named.code, named.stdout], [0, '✔ cases/one.md\n\n1 fixture matches its marks (2 rules)\n']);
    const none = await run(['test-pack', 'house.yaml'], dir);
    assert.deepEqual([none.code, none.stderr], [2, 'stratlint: no fixture plans (.md) found in house.tests; write some: a plan per case, its expected findings marked <!-- expect rule-id "words" -->\n']);
    const bad = await run(['test-pack', 'house.yaml', 'cases/one.md', 'nope.md'], dir);
    assert.deepEqual([bad.code, bad.stderr], [2, 'stratlint: No such file or folder: nope.md\n']);
  });
});
