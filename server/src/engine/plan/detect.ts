import picomatch from 'picomatch';
import type { Plan } from './model';

/** What the plan's front matter says: `stratlint: true` / `type: strategy` opt in, `stratlint: false` opts out. */
export function frontMatterOptIn(frontMatter: Record<string, unknown> | undefined): boolean | undefined {
  if (!frontMatter) return undefined;
  const s = frontMatter.stratlint;
  if (s === false) return false;
  if (s === true || (s && typeof s === 'object')) return true;
  if (typeof frontMatter.type === 'string' && frontMatter.type.trim().toLowerCase() === 'strategy') return true;
  return undefined;
}

/** Whether a Markdown file is a plan: front matter decides first, then the `files` globs. */
export function isPlan(plan: Pick<Plan, 'frontMatter'>, filePath: string | undefined, files: readonly string[]): boolean {
  const optIn = frontMatterOptIn(plan.frontMatter);
  if (optIn !== undefined) return optIn;
  return !!filePath && matchesGlobs(filePath, files);
}

export function matchesGlobs(filePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const p = filePath.replace(/\\/g, '/');
  return picomatch.isMatch(p, globs as string[], { dot: true, nocase: true });
}
