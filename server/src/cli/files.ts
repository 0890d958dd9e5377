import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isReallyInside } from '../engine/files/boundary';
import { workspaceRootOf } from '../engine/config/workspace';
import { ReadError } from './read';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface Target {
  path: string;
  /** Named on the command line: linted whatever the plan globs say. */
  explicit: boolean;
  /** The command-line arguments that found it: a run names those that found no plan. */
  args: string[];
}

export class UsageError extends Error {}

const SKIP = ['**/node_modules/**', '**/.git/**'];

/** Expands files, folders and globs into Markdown files, in a stable order. */
export async function expandTargets(args: readonly string[], cwd: string): Promise<Target[]> {
  const out = new Map<string, Target>();
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    // Anything named that is not a folder is a file to lint: a device or FIFO is refused when read, with its reason.
    if (existsSync(abs) && !statSync(abs).isDirectory()) {
      const seen = out.get(abs);
      if (seen) seen.args.push(arg);
      out.set(abs, { path: abs, explicit: true, args: seen?.args ?? [arg] });
      continue;
    }
    let found: string[];
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      found = await glob('**/*.{md,markdown}', { cwd: abs, absolute: true, ignore: SKIP, dot: false });
    } else if (isDynamicPattern(arg)) {
      found = await glob(arg, { cwd, absolute: true, ignore: SKIP });
      found = found.filter((f) => /\.(md|markdown)$/i.test(f));
    } else {
      throw new UsageError(`No such file or folder: ${arg}`);
    }
    // Found, not named: a link in the folder must not make Stratlint read a file outside it (or its workspace).
    const folder = existsSync(abs) ? abs : cwd;
    for (const f of found.sort()) {
      const seen = out.get(f);
      if (seen) {
        seen.args.push(arg);
        continue;
      }
      const root = workspaceRootOf(f, cwd);
      if (!isReallyInside(f, folder) && !(root && isReallyInside(f, root))) {
        throw new ReadError(`${relative(cwd, f) || f}: is a link to a file outside ${relative(cwd, folder) || '.'} and its workspace; Stratlint does not read it (name it on the command line to lint it)`);
      }
      out.set(f, { path: f, explicit: false, args: [arg] });
    }
  }
  return [...out.values()];
}
