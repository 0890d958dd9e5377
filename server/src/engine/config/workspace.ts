import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from '../files/boundary';

/**
 * The workspace a file belongs to when no editor says so (the CLI): its git repository, else the
 * current folder when the file is inside it. Configs above it are not read, and files inside it
 * cannot make Stratlint read files outside it. A file outside both (named by the user): its own folder.
 */
export function workspaceRootOf(file: string, cwd: string): string {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  const here = resolve(cwd);
  return isInside(resolve(file), here) ? here : dirname(resolve(file));
}
