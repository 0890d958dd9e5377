// Renders the HTML scorecard report of the example plans with headless Chromium into
// docs/images/scorecard-report.png, so the README's picture always comes from the code.
// Usage: node scripts/build.mjs && node scripts/screenshots.mjs   (needs Debian's chromium)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PLANS = ['examples/clinic-scheduling-strategy.md', 'examples/weak-declared-centricity-plan.md', 'examples/weak-feature-race-plan.md'];

/** The report exactly as a user gets it from the CLI (exit 1 only means the plans have errors). */
function report() {
  const r = spawnSync(process.execPath, ['bin/stratlint.js', '--no-config', '--format', 'html', ...PLANS], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`stratlint failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
  // Any request at all would mean the report is not self-contained.
  await page.route('**/*', (route) => {
    throw new Error(`the report tried to load ${route.request().url()}`);
  });
  await page.setContent(report(), { waitUntil: 'load' });
  mkdirSync(join(root, 'docs/images'), { recursive: true });
  const out = join(root, 'docs/images/scorecard-report.png');
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
