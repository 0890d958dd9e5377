import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, computeScorecard, parsePlan } from '../../server/src/engine/index';
import { lintWith, settingFor } from '../support/fixtures';

const scoreOf = (text: string, id: string) => {
  const plan = parsePlan(text);
  return computeScorecard(plan, [settingFor(id)], lintWith(text, id)).principles.find((p) => p.id === id)!;
};

describe('partly addressed principles', () => {
  it('an empty heading is partly: a finding one level below the severity, on the title, with a fix that fills the section', () => {
    const text = '# Clinic strategy 2026–2028\n\n## Right to win\n\n## Target customers\n\nIndependent dental clinics with 3–10 chairs.\n';
    const [f, ...rest] = lintWith(text, 'right-to-win');
    assert.equal(rest.length, 0);
    assert.equal(f.ruleId, 'right-to-win');
    assert.equal(f.severity, 'warning', 'right-to-win is an error rule: partly is a warning');
    assert.deepEqual(f.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 27 } });
    assert.match(f.message, /"Right to win" heading with nothing under it/);
    assert.equal(f.fixes[0].title, 'Fill in the "Right to win" section');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /## Right to win\n\n- \*\*Capability:\*\* \[\[what we do better than anyone\]\]\n- \*\*Why rivals can't match it:\*\* /);
    // Still a template: partly, with nothing more to insert (applying fixes again changes nothing).
    const [again] = lintWith(fixed, 'right-to-win');
    assert.match(again.message, /still a template, not filled in/);
    assert.deepEqual(again.fixes, []);
  });

  it('text still a placeholder, TBD or an italic prompt never counts as evidence', () => {
    for (const body of ['<why we win>', 'TBD', '_Why will customers pick us over the alternatives?_']) {
      const score = scoreOf(`# Plan 2026–2028\n\n## Right to win\n\n${body}\n`, 'right-to-win');
      assert.equal(score.status, 'partly', body);
    }
  });

  it('a sentence another rule flags as undermining the principle is not its evidence (scorecard: partly, with the reason)', () => {
    const score = scoreOf('# Plan 2026–2028\n\nOur customer experience is our moat: nobody can copy the way we treat people.\n', 'right-to-win');
    assert.equal(score.status, 'partly');
    assert.match(score.message!, /flagged as experience-as-moat/);
    const fluff = scoreOf('# Plan 2026–2028\n\nThe platform leverages synergies across the ecosystem.\n', 'ecosystem');
    assert.equal(fluff.status, 'partly');
    assert.match(fluff.message!, /flagged as buzzword-fluff/);
  });

  it('says what is missing: users named but no segment chosen', () => {
    const [f] = lintWith('# Registry strategy 2026–2028\n\nOur users publish and install packages every day.\n', 'target-customers');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /names its users but chooses no segment/);
    assert.equal(f.fixes[0].title, 'Insert a "Target customers" section');
  });

  it("says what is missing: users' needs spoken of, no result they will reach", () => {
    const [f] = lintWith('# Registry strategy 2026–2028\n\nWe will redesign search around our users\u2019 needs.\n', 'customer-outcomes');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /speaks of what its users need or gain, but never states a result/);
    const [silent] = lintWith('# Registry strategy 2026–2028\n\nWe will redesign search and move to a new database.\n', 'customer-outcomes');
    assert.equal(silent.severity, 'error');
    assert.match(silent.message, /never says what results its customers need/);
  });

  it('sustained-capability applies to every plan: with neither projects nor a lasting mechanism it is missing, not n/a', () => {
    const text = readFileSync(join(__dirname, '..', 'rules', 'sustained-capability', 'fires-silent-customers-one-off-work.md'), 'utf8');
    const [f] = lintWith(text, 'sustained-capability');
    // the customers' one-off scripts are not this plan's projects: the message is about nothing lasting
    assert.match(f.message, /^Nothing in this plan outlasts it/);
    assert.equal(scoreOf('# Plan 2026–2028\n\nWe release every month.\n', 'sustained-capability').status, 'addressed');
  });

  it('experimentation: n/a for a go-to-market or communications plan; missing when nothing is tested; partly for a beta that must show nothing', () => {
    assert.equal(scoreOf('# Go-to-market for Batch Changes\n\nSell the shipped product to platform teams.\n', 'experimentation').status, 'n/a');
    assert.equal(scoreOf('# Communications plan 2027\n\nA newsletter every month.\n', 'experimentation').status, 'n/a');
    assert.equal(scoreOf('# Registry strategy 2026–2028\n\nA modern registrar that can replace the current system.\n', 'experimentation').status, 'missing');
    const silent = scoreOf('# Registry strategy 2026–2028\n\nHost our first registrar conference in Asia.\n', 'experimentation');
    assert.equal(silent.status, 'missing');
    assert.match(silent.message!, /^Nothing in this plan tests a bet/);
    const beta = scoreOf('# Registry strategy 2026–2028\n\nWe will launch an AI assistant for registrants, starting with a beta.\n', 'experimentation');
    assert.equal(beta.status, 'partly');
    assert.match(beta.message!, /never says what they must\s+show/);
    // learning together is the mission, not a test of a bet
    assert.equal(scoreOf('# Registry strategy 2026–2028\n\nRegistrars learn from one another at meetups.\n', 'experimentation').status, 'missing');
    assert.equal(scoreOf('# Registry strategy 2026–2028\n\nWe pilot the new portal with 20 registrars first.\n', 'experimentation').status, 'addressed');
    // exploring options is a test; exploring ways to raise money is only a step towards one
    assert.equal(scoreOf('# Registry strategy 2026–2028\n\nWe will explore options for a registrar API before we commit.\n', 'experimentation').status, 'addressed');
    assert.equal(scoreOf('# Registry strategy 2026–2028\n\nExplore ways to diversify our revenue streams.\n', 'experimentation').status, 'partly');
  });

  it('info rules stay info when partly', () => {
    const [f] = lintWith('# Plan 2026–2028\n\n## Ecosystem\n', 'ecosystem');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /"Ecosystem" heading with nothing under it/);
  });

  it('right-to-win and value-proposition apply though no rival is named; right-to-win not where users cannot pick another provider', () => {
    const plain = '# Charting library roadmap 2026–2028\n\nJournalists publish accessible charts in ten minutes.\n';
    assert.equal(scoreOf(plain, 'right-to-win').status, 'missing');
    assert.equal(scoreOf(plain, 'value-proposition').status, 'missing');
    const statutory = '# Records service 2026–2028\n\nThe county has to provide records services to everyone who is entitled to them.\n';
    assert.equal(scoreOf(statutory, 'right-to-win').status, 'n/a');
  });

  it('right-to-win is not applicable to a public service that frames no choice of provider, and applies once it frames one', () => {
    const cases: [string, string][] = [
      ['Exporters apply for a permit online and get their permit issued within a day.', 'n/a'],
      ['We run the central government services people use to register a business, and will make them simple enough to use online unaided.', 'n/a'],
      ['The City Council will make council services quicker for residents to use online.', 'n/a'],
      // a body that is not a local authority; volunteers helping government; a choice of channel; rivals
      ['Create an Equity Council to advise the Core Team.', 'missing'],
      ['We help make government services simple, effective and easy to use.', 'missing'],
      ['People will only choose to use central government services digitally if it is easier than the phone.', 'missing'],
      ['Most towns use a .com instead: competitors are cheaper. We will make government services easier to find.', 'partly'],
    ];
    for (const [sentence, status] of cases) assert.equal(scoreOf(`# Services plan 2027\n\n${sentence}\n`, 'right-to-win').status, status, sentence);
  });
});
