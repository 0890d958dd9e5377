import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { it } from 'node:test';

/** The folder of the package `name` as Node resolves it from `from` (packages hide package.json behind "exports"). */
function packageDir(name: string, from: string): string {
  for (let dir = dirname(require.resolve(name, { paths: [from] })); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return dir;
  }
}

// micromark 4.0.3 copies its whole event array whenever a list or quote closes: quadratic on
// plans made of many short lists (29 s instead of 1.6 s measured here). remark-parse must get 4.0.2.
it('remark-parse resolves micromark 4.0.2 (the npm override is in force)', () => {
  const fromMarkdown = packageDir('mdast-util-from-markdown', packageDir('remark-parse', __dirname));
  const micromark = packageDir('micromark', fromMarkdown);
  assert.equal((JSON.parse(readFileSync(join(micromark, 'package.json'), 'utf8')) as { version: string }).version, '4.0.2');
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { overrides: Record<string, unknown> };
  assert.deepEqual(pkg.overrides['remark-parse'], { micromark: '4.0.2' });
});
