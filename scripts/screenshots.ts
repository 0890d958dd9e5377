// The README's pictures, made from the code: the HTML scorecard report of the example plans,
// rendered by headless Chromium, and the scorecard webview in a real VS Code workbench.
// Usage: npm run build && npx tsx scripts/screenshots.ts   (needs Debian's chromium; the
// workbench comes from scripts/e2e-setup.sh, which the editor tests run too)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openScorecard } from '../test/scorecard/support/workbench';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PLANS = ['examples/clinic-scheduling-strategy.md', 'examples/weak-declared-centricity-plan.md', 'examples/weak-feature-race-plan.md'];

/** The report exactly as a user gets it from the CLI (exit 1 only means the plans have errors). */
function report(): string {
  const r = spawnSync(process.execPath, ['bin/stratlint.js', '--no-config', '--format', 'html', ...PLANS], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`stratlint failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

async function reportShot(file: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 900 } });
    // Any request at all would mean the report is not self-contained.
    await page.route('**/*', (route) => {
      throw new Error(`the report tried to load ${route.request().url()}`);
    });
    await page.setContent(report(), { waitUntil: 'load' });
    // The top of the page: the comparison, then the strong plan and the first weak plan down to their charts.
    const bottom = await page.$eval('#plan-2 .layout', (e) => e.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1180, height: Math.ceil(bottom) + 16 } });
  } finally {
    await browser.close();
  }
}

async function webviewShot(file: string): Promise<void> {
  const wb = await openScorecard('examples/weak-declared-centricity-plan.md', { width: 1600, height: 1000 });
  try {
    await wb.page.screenshot({ path: file });
  } finally {
    await wb.stop();
  }
}

(async () => {
  mkdirSync(OUT, { recursive: true });
  for (const [name, shoot] of [['scorecard-report.png', reportShot], ['scorecard-webview.png', webviewShot]] as const) {
    await shoot(join(OUT, name));
    console.log(`wrote docs/images/${name}`);
  }
})().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
