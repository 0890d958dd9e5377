/**
 * The reading of plans, measured: agreement with strategy reviewers' labels of real plans must not
 * fall below what it is today (README, "How well it reads"). The project's own labelled plans
 * (corpus/) are always there; the shared corpus (../shared/corpus) where it is checked out beside
 * the project.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { agreement, scores } from './support/agreement';

const OWN = join(__dirname, '..', 'corpus');
const SHARED = join(__dirname, '..', '..', 'shared', 'corpus');

describe('agreement with strategy reviewers', () => {
  it('on the project\'s own labelled plans (corpus/): span findings P ≥ 0.70, R ≥ 0.60', () => {
    const a = agreement(join(OWN, 'docs'), join(OWN, 'labels'));
    assert.ok(a.documents >= 4, `${a.documents} labelled documents`);
    const s = scores(a.span);
    assert.ok(s.p >= 0.7 && s.r >= 0.6, `span P ${s.p.toFixed(2)} R ${s.r.toFixed(2)}`);
  });

  it('on the shared corpus: span findings P ≥ 0.85, R ≥ 0.75', { skip: existsSync(SHARED) ? false : `${SHARED} is not there` }, () => {
    const a = agreement(join(SHARED, 'docs'), join(SHARED, 'labels'));
    assert.ok(a.documents >= 20, `${a.documents} labelled documents`);
    const s = scores(a.span);
    assert.ok(s.p >= 0.85 && s.r >= 0.75, `span P ${s.p.toFixed(2)} R ${s.r.toFixed(2)}`);
  });
});
