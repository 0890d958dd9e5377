/**
 * The scorecard webview in a real VS Code workbench: "Stratlint: Show scorecard" draws the chart
 * (checked in the webview's DOM), a click on a gap puts the cursor where the fix goes, and the
 * view follows edits to the plan.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { computeScorecard, lintDocument } from '../../server/src/engine/index';
import { openScorecard } from './support/workbench';

const PLAN = 'examples/weak-declared-centricity-plan.md';

test('the scorecard webview draws the chart, jumps to where a fix goes and follows edits', { timeout: 600000 }, async () => {
  const wb = await openScorecard(PLAN);
  try {
    const file = join(wb.workspace, PLAN);
    const lint = lintDocument(readFileSync(file, 'utf8'), { filePath: file, stopDir: wb.workspace });
    const expected = computeScorecard(lint.plan, lint.config.settings, lint.findings);
    const assessed = expected.principles.filter((p) => p.status !== 'off' && p.status !== 'n/a');

    const view = await wb.scorecard();
    assert.equal(await view.locator('h2').textContent(), expected.title);
    assert.equal(await view.locator('.figure').textContent(), `${Math.round(expected.coverage * 100)}%`);
    assert.equal(await view.locator('svg.radar circle.dot').count(), assessed.length);
    assert.deepEqual(await view.locator('svg.radar text.label').allTextContents(), assessed.map((p) => p.label));
    const box = await view.locator('svg.radar').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, `the chart is drawn: ${JSON.stringify(box)}`);
    assert.equal(await view.locator('svg.radar text.label.missing').count(), expected.counts.missing);

    // A gap in the chart: the cursor goes where the customer-outcomes fix inserts its section.
    const gap = expected.principles.find((p) => p.id === 'customer-outcomes')!;
    assert.equal(gap.status, 'missing');
    // A loaded machine can take a click before the view listens: click again, at most three times.
    const at = wb.page.locator('.statusbar-item', { hasText: `Ln ${gap.fixAt!.line + 1}, Col ${gap.fixAt!.character + 1}` });
    for (let attempt = 1; ; attempt++) {
      await view.locator('svg.radar a.gap text.label').filter({ hasText: new RegExp(`^${gap.label}$`) }).click();
      try {
        await at.waitFor({ state: 'visible', timeout: 20000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }

    // Typing the section there redraws the view with the principle addressed.
    await wb.page.keyboard.insertText('## Customer outcomes\n\n- **Outcome:** Support teams resolve tickets in 4 hours instead of 2 days by Q4 2027.\n\n');
    const deadline = Date.now() + 60000;
    for (;;) {
      const frame = await wb.scorecard();
      const addressed = await frame.locator('svg.radar text.label.addressed').allTextContents().catch((): string[] => []);
      if (addressed.includes(gap.label)) break;
      if (Date.now() > deadline) throw new Error(`the view did not show ${gap.label} addressed after the edit (addressed: ${addressed.join(', ')})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await wb.stop();
  }
});
