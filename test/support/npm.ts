import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

/**
 * npm and npx are not ours: they read their own install and the user's npm config, which the
 * run's file-read audit (NODE_OPTIONS=--import …fs-audit.mjs) would report. They run without it,
 * with a cache of their own so that nothing on the machine is reused or written.
 */
export function npmEnv(cache: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: cache, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
  delete env.NODE_OPTIONS;
  delete env.STRATLINT_FS_AUDIT;
  return env;
}

export function npm(args: string[], opts: SpawnSyncOptions & { cwd: string; env: NodeJS.ProcessEnv }): string {
  const r = spawnSync('npm', args, { encoding: 'utf8', ...opts });
  assert.equal(r.status, 0, `npm ${args.join(' ')} failed:\n${String(r.stderr)}`);
  return String(r.stdout);
}

export interface Packed {
  filename: string;
  integrity: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** Packs the checkout into `dest` as `npm publish` would, from the bundles `npm run build` made (--ignore-scripts: no second build). */
export function packTarball(dest: string, env: NodeJS.ProcessEnv): Packed {
  return (JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: ROOT, env })) as Packed[])[0];
}
