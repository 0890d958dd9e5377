import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { ConfigError } from '../../server/src/engine/index';

/** A throwaway folder with the given files (path → content), removed when the test file ends. */
export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'stratlint-config-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The ConfigError `fn` throws (fails the test when it throws nothing or something else). */
export function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  assert.fail('expected a ConfigError');
}

/** "file:line:col key: detail" with the file relative to `root`, for compact assertions. */
export function where(e: ConfigError, root: string): string {
  return `${e.file.startsWith(root) ? e.file.slice(root.length + 1) : e.file}:${e.line}:${e.column} ${e.key}`;
}

/** A short plan that is a plan wherever it lives (front matter opt-in). */
export const PLAN = `---
stratlint: true
---
# Retail banking customer strategy 2026–2029

Some text.
`;
