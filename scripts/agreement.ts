// Prints how closely Stratlint agrees with strategy reviewers' labels (test/support/agreement.ts):
// on the project's own labelled plans (corpus/) and, where it is checked out, ../shared/corpus.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { agreement, readParts, scores, type Tally } from '../test/support/agreement';

const root = join(__dirname, '..');
const sets: [string, string][] = [
  ['shared corpus', join(root, '..', 'shared', 'corpus')],
  ['corpus/ (own)', join(root, 'corpus')],
];
const n = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : ' — ');
const show = (t: Tally) => {
  const s = scores(t);
  return `P ${n(s.p)} R ${n(s.r)} F1 ${n(s.f1)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
};
for (const [name, dir] of sets) {
  if (!existsSync(join(dir, 'labels'))) {
    console.log(`${name}: not there (${dir})`);
    continue;
  }
  const a = agreement(join(dir, 'docs'), join(dir, 'labels'));
  console.log(`${name}, ${a.documents} documents\n  plan level: ${show(a.plan)}\n  spans:      ${show(a.span)}`);
  const parts = readParts(dir);
  for (const [part, only] of parts ? ([['development', parts.development], ['held out', parts.heldOut]] as const) : []) {
    const p = agreement(join(dir, 'docs'), join(dir, 'labels'), only);
    console.log(`  ${part} (${only.join(', ')})\n    plan level: ${show(p.plan)}\n    spans:      ${show(p.span)}`);
  }
}
