import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { main } from '../../server/src/cli/main';

const ROOT = join(__dirname, '../..');
const EXAMPLES = ['examples/clinic-scheduling-strategy.md', 'examples/weak-feature-race-plan.md'];

async function htmlReport(): Promise<string> {
  let out = '';
  const sink = new Writable({ write: (chunk, _e, cb) => ((out += String(chunk)), cb()) });
  await main(['--no-config', '-f', 'html', ...EXAMPLES], { cwd: ROOT, stdout: sink as unknown as NodeJS.WriteStream, stderr: sink as unknown as NodeJS.WriteStream });
  return out;
}

describe('HTML report in a browser', () => {
  it('draws a radar chart per plan with one dot per principle assessed, and requests nothing', async () => {
    const html = await htmlReport();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1180, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(html, { waitUntil: 'load' });
      const charts = await page.$$eval('svg.radar', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: Math.round(box.width), dots: svg.querySelectorAll('circle.dot').length, labels: [...svg.querySelectorAll('text.label')].map((t) => t.textContent) };
        }),
      );
      const rows = await page.$$eval('section.plan', (sections) => sections.map((s) => [...s.querySelectorAll('table.principles tbody tr')].filter((tr) => !tr.querySelector('td.status.na, td.status.off')).length));
      assert.equal(charts.length, 2);
      charts.forEach((c, i) => {
        assert.ok(c.width > 300, `chart ${i} is ${c.width}px wide`);
        assert.equal(c.dots, rows[i]);
        assert.ok(c.labels.includes('Customer outcomes'));
      });
      // A gap in the chart links to its entry in the gap list.
      await page.click('section#plan-2 svg.radar a.gap text >> nth=0', { timeout: 5000 });
      assert.match(page.url(), /#plan-2-gap-customer-outcomes$/);
      assert.deepEqual(requests.filter((u) => !u.startsWith('about:')), []);
    } finally {
      await browser.close();
    }
  });
});
