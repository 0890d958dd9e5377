/** The `stratlint/scorecard` request over stdio: the engine's scorecard of the document as it is now. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { computeScorecard, lintDocument, type Scorecard } from '../../server/src/engine/index';
import { Session } from '../lsp/session';

const PLAN = readFileSync(join(__dirname, '../lsp/fixtures/growth-strategy.md'), 'utf8');
const OUTCOMES = '\n## Customer outcomes\n\n- **Outcome:** Store owners cut stock-outs from 9% to 3% of lines by Q4 2027, measured weekly.\n';

interface Result {
  uri: string;
  version: number;
  scorecard: Scorecard;
}

describe('stratlint/scorecard request', () => {
  let s: Session;
  before(async () => {
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN, 'README.md': PLAN } });
  });
  after(() => s.stop());

  it('answers with the engine scorecard of the current version, and follows edits', async () => {
    const uri = s.open('plans/growth-strategy.md');
    const first = await s.request<Result>('stratlint/scorecard', { uri });
    const lint = lintDocument(PLAN, { filePath: join(s.dir, 'plans/growth-strategy.md'), stopDir: s.dir });
    // as JSON carries it: keys whose value is undefined are left out
    const expected = JSON.parse(JSON.stringify(computeScorecard(lint.plan, lint.config.settings, lint.findings))) as Scorecard;
    assert.deepEqual(first, { uri, version: 1, scorecard: expected });
    assert.equal(first.scorecard.principles.find((p) => p.id === 'customer-outcomes')!.status, 'missing');

    const version = s.change(uri, PLAN + OUTCOMES);
    const second = await s.request<Result>('stratlint/scorecard', { uri });
    assert.equal(second.version, version);
    assert.equal(second.scorecard.principles.find((p) => p.id === 'customer-outcomes')!.status, 'addressed');
    assert.ok(second.scorecard.coverage > first.scorecard.coverage);
  });

  it('answers null for Markdown that is not a plan and for documents not open', async () => {
    assert.equal(await s.request('stratlint/scorecard', { uri: s.open('README.md') }), null);
    assert.equal(await s.request('stratlint/scorecard', { uri: s.uri('nowhere.md') }), null);
  });
});
