import type { Rule } from '../rules/types';
import { didYouMean, show, type DataPath, type SourceFile } from './errors';
import { LEVELS, type Level } from './schema';
import { validate } from './validate';

export interface RuleEntry {
  level: Level;
  /** Undefined when the entry gives a level only (the options set earlier in the chain stay). */
  options?: Record<string, unknown>;
}

const SHAPE = `a level (${LEVELS.join('|')}) or [level, { options }]`;

/**
 * Reads `rules.<id>` of a config: `warning` or `[warning, { minYears: 3 }]`, the options checked
 * against what the rule accepts. `at` is the entry's path in the file, for the error's location.
 */
export function readRuleEntry(src: SourceFile, at: DataPath, rule: Rule, raw: unknown): RuleEntry {
  if (typeof raw === 'string') return { level: readLevel(src, at, raw) };
  if (!Array.isArray(raw)) {
    const why = typeof raw === 'boolean' || typeof raw === 'number' ? ' (levels are words: off, info, warning, error)' : '';
    throw src.error(at, `expected ${SHAPE}, got ${show(raw)}${why}`);
  }
  if (raw.length === 0 || raw.length > 2) throw src.error(at, `expected [level] or [level, { options }], got a list of ${raw.length} items`);
  if (typeof raw[0] !== 'string') throw src.error([...at, 0], `expected a level first (${LEVELS.join('|')}), got ${show(raw[0])}`);
  const level = readLevel(src, [...at, 0], raw[0]);
  if (raw.length === 1) return { level };
  return { level, options: readOptions(src, [...at, 1], rule, raw[1]) };
}

function readLevel(src: SourceFile, at: DataPath, raw: string): Level {
  if ((LEVELS as readonly string[]).includes(raw)) return raw as Level;
  throw src.error(at, `expected one of ${LEVELS.join('|')}, got ${show(raw)}${didYouMean(raw, LEVELS)}`);
}

function readOptions(src: SourceFile, at: DataPath, rule: Rule, raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw src.error(at, `expected the rule's options as a mapping (e.g. { ${exampleOption(rule)} }), got ${show(raw)}`);
  }
  if (!rule.optionsSchema) {
    if (Object.keys(raw).length === 0) return {};
    throw src.error(at, `rule '${rule.meta.id}' takes no options; give its level only, e.g. ${rule.meta.id}: warning`);
  }
  return validate(src, rule.optionsSchema, raw, at) as Record<string, unknown>;
}

function exampleOption(rule: Rule): string {
  const shape = (rule.optionsSchema?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape;
  const first = shape ? Object.keys(shape)[0] : undefined;
  return first ? `${first}: …` : 'option: value';
}
