import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pattern, PatternError, type Terms } from '../patterns/pattern';
import { builtinRules } from '../rules/builtin';
import { compileRule, RuleCompileError } from '../rules/compile';
import { matchOnStems } from '../plan/headings';
import { packSchema, type RuleData } from '../rules/schema';
import type { Rule } from '../rules/types';
import type { DataPath, SourceFile } from './errors';
import { validate } from './validate';

/** Whether a file read through `extends` is a pack (a list of rule definitions) rather than another config. */
export function isPack(data: unknown): boolean {
  return !!data && typeof data === 'object' && Array.isArray((data as { rules?: unknown }).rules);
}

export interface CompiledPack {
  file: string;
  src: SourceFile;
  rules: { rule: Rule; at: DataPath }[];
}

/**
 * Validates and compiles a pack. Its `terms` add to (and may redefine) the built-in terms for its
 * own patterns. Every pattern is compiled for RE2, so a pack that RE2 cannot run is an error here,
 * at the pattern, rather than a surprise at lint time.
 */
export function compilePack(src: SourceFile): CompiledPack {
  const data = validate(src, packSchema, src.data);
  const builtinIds = new Set(builtinRules().rules.map((r) => r.meta.id));
  const terms: Terms = { ...builtinRules().terms, ...data.terms };
  for (const [name, alternatives] of Object.entries(data.terms ?? {})) {
    alternatives.forEach((alt, j) => {
      try {
        Pattern.compile(alt, terms);
      } catch (e) {
        if (e instanceof PatternError) throw src.error(['terms', name, j], explainPatternError(e.message));
        throw e;
      }
    });
  }
  const seen = new Set<string>();
  const rules = data.rules.map((rule, i) => {
    const at: DataPath = ['rules', i];
    if (builtinIds.has(rule.id)) throw src.error([...at, 'id'], `'${rule.id}' is a built-in rule ID; give pack rules their own IDs (e.g. 'acme/${rule.id}') and switch the built-in off in the config if it should not run`);
    if (seen.has(rule.id)) throw src.error([...at, 'id'], `the rule ID '${rule.id}' appears twice in this pack`);
    seen.add(rule.id);
    if (rule.docs && /^[a-z][a-z0-9+.-]*:/i.test(rule.docs) && !SAFE_DOCS.test(rule.docs)) {
      // Reports and editors turn docs into links: javascript: or data: would run in them.
      throw src.error([...at, 'docs'], 'expected an https:, http: or file: link, or a path relative to this pack');
    }
    stemAliases(rule);
    try {
      return { rule: compileRule(rule, terms, docsUrl(rule, src.file)), at };
    } catch (e) {
      if (e instanceof PatternError) throw src.error(patternPath(src.data, at, e, terms), explainPatternError(e.message));
      if (e instanceof RuleCompileError) throw src.error([...at, 'kind'], e.message);
      throw e;
    }
  });
  return { file: src.file, src, rules };
}

/** A pack rule's heading aliases match on word stems (`risks` finds "Risk register"); see matchOnStems. */
function stemAliases(rule: RuleData): void {
  const r = rule as Partial<Record<'headings' | 'sections' | 'inSections' | 'exceptSections', string[]>> & { goals?: { headings?: string[]; exceptHeadings?: string[] } };
  for (const list of [r.headings, r.sections, r.inSections, r.exceptSections, rule.fix?.after, r.goals?.headings, r.goals?.exceptHeadings]) if (list) matchOnStems(list);
}

const SAFE_DOCS = /^(?:https?:\/\/|file:)/i;

function docsUrl(rule: RuleData, packFile: string): string {
  if (!rule.docs) return pathToFileURL(packFile).href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(rule.docs)) return rule.docs;
  const [path, anchor] = rule.docs.split('#', 2);
  return `${pathToFileURL(resolve(dirname(packFile), path)).href}${anchor ? `#${anchor}` : ''}`;
}

/** The path of the string in the rule's data that fails to compile the way `error` says, so the error points at it. */
function patternPath(data: unknown, at: DataPath, error: PatternError, terms: Terms): DataPath {
  let rule: unknown = data;
  for (const p of at) rule = (rule as Record<string | number, unknown>)[p];
  const walk = (v: unknown, path: DataPath): DataPath | undefined => {
    if (typeof v === 'string') {
      try {
        Pattern.compile(v, terms);
      } catch (e) {
        if ((e as Error).message === error.message) return path;
      }
      return undefined;
    }
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const found = walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(rule, at) ?? at;
}

/** RE2 refuses the constructs that can take exponential time; say what to use instead. */
function explainPatternError(message: string): string {
  if (/\(\?[=!]|\(\?<[=!]|invalid named capture/.test(message)) {
    return `${message}. Patterns run on RE2, which has no lookahead or lookbehind: use the rule's unless, unlessFollowedBy or unlessPrecededBy keys instead`;
  }
  if (/invalid escape sequence: `\\[1-9]/.test(message)) return `${message}. Patterns run on RE2, which has no backreferences`;
  return message;
}
