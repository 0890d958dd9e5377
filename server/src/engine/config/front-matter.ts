import type { Plan } from '../plan/model';
import { show, SourceFile, type DataPath } from './errors';
import { frontMatterShapeSchema, type LoadedConfig } from './schema';
import { validate } from './validate';

/** A plan's own settings and where they are written, so that an error points at the plan's line. */
export interface PlanSettings {
  src: SourceFile;
  at: DataPath;
  data: LoadedConfig;
}

/**
 * `stratlint: { extends: stratlint:strict, rules: { … } }` in a plan's front matter, validated like
 * a config file; `stratlint: true|false` only opts the file in or out. Throws ConfigError at the
 * line in the plan.
 */
export function readPlanSettings(plan: Plan, filePath?: string): PlanSettings | undefined {
  const span = plan.frontMatterSpan;
  // Front matter that does not parse is nobody's business but its author's, unless it sets stratlint: then say why it is ignored.
  if (!plan.frontMatter && span && /^stratlint\s*:/m.test(plan.text.slice(span.start, span.end))) frontMatterSource(plan, filePath ?? 'front matter');
  const value = plan.frontMatter?.stratlint;
  if (value === undefined || value === true || value === false || !plan.frontMatterSpan) return undefined;
  const src = frontMatterSource(plan, filePath ?? 'front matter');
  const at = ['stratlint'];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw src.error(at, `expected true, false or the plan's settings ({ extends: …, rules: … }), got ${show(value)}`);
  }
  return { src, at, data: validate(src, frontMatterShapeSchema, value, at) };
}

/** The YAML between the front matter fences, numbered as the lines of the plan. */
function frontMatterSource(plan: Plan, file: string): SourceFile {
  const { lines } = plan;
  const first = lines.position(plan.frontMatterSpan!.start).line + 1;
  const closing = lines.position(plan.frontMatterSpan!.end).line;
  const start = lines.lineStarts[Math.min(first, lines.lineCount - 1)];
  const end = lines.lineStarts[closing] ?? plan.text.length;
  return new SourceFile(file, plan.text.slice(start, Math.max(start, end)), first);
}
