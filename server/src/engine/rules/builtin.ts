import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Terms, withLazyCompile } from '../patterns/pattern';
import { compileRule } from './compile';
import { defaultDocsBaseUrl, ruleDocsUrl } from './home';
import { type RuleData, ruleSchema, termsSchema } from './schema';
import { shippedFiles } from './shipped';
import type { Rule } from './types';

/** Found once: formatters ask for built-in docs URLs finding by finding. */
let rulesDir: string | undefined;

/** The folder holding the built-in rule data and docs, found from wherever this code runs (sources or bundle). */
export function builtinRulesDir(): string {
  if (rulesDir) return rulesDir;
  const { codeDir, exists } = shippedFiles();
  for (let dir = codeDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'rules');
    if (exists(join(candidate, 'terms.yaml'))) return (rulesDir = candidate);
    if (dirname(dir) === dir) throw new Error(`stratlint: cannot find the built-in rules folder above ${codeDir}`);
  }
}

let ids: ReadonlySet<string> | undefined;

/** The built-in rules' IDs, without compiling the rules. */
export function builtinRuleIds(): ReadonlySet<string> {
  return (ids ??= new Set(builtinData().rules.map((r) => r.id)));
}

/** The built-in terms and rule data, validated. */
export interface BuiltinData {
  terms: Terms;
  rules: RuleData[];
}

/** The bundles carry the built-in data as JSON, validated at build time (scripts/build.mjs); sources read rules/. */
declare const STRATLINT_BUILTIN_DATA: string | undefined;
let data: BuiltinData | undefined;

/** Parsing and validating the YAML took a third of a one-plan run; the bundles parse JSON instead. */
function builtinData(): BuiltinData {
  return (data ??= typeof STRATLINT_BUILTIN_DATA === 'string' ? (JSON.parse(STRATLINT_BUILTIN_DATA) as BuiltinData) : readBuiltinData());
}

/** Reads and validates rules/terms.yaml and each rules/<id>/rule.yaml (the build embeds the result). */
export function readBuiltinData(dir = builtinRulesDir()): BuiltinData {
  const terms = termsSchema.parse(parseYaml(shippedFiles().readText(join(dir, 'terms.yaml'))));
  const rules = ruleFolders(dir).map(({ id, file }) => {
    const result = ruleSchema.safeParse(parseYaml(shippedFiles().readText(file)));
    if (!result.success) throw new Error(`stratlint: built-in rule ${file} is invalid: ${result.error.message}`);
    if (result.data.id !== id) throw new Error(`stratlint: ${file} has id "${result.data.id}"; it must match its folder`);
    return result.data;
  });
  return { terms, rules };
}

/** The folders of rules/ that hold a rule.yaml, by name. */
function ruleFolders(dir: string): { id: string; file: string }[] {
  const { folders, exists } = shippedFiles();
  return folders(dir)
    .map((id) => ({ id, file: join(dir, id, 'rule.yaml') }))
    .filter(({ file }) => exists(file));
}

const cache = new Map<string, { terms: Terms; rules: Rule[] }>();
/** Read once: every config resolution asks for the built-in rules. */
let defaultBase: string | undefined;

/**
 * The built-in terms and rules (rules/<id>/rule.yaml), validated and compiled once per docs base
 * URL: their pages link to the project's repository unless a config's `docsBaseUrl` says where a
 * team hosts its own copy.
 */
export function builtinRules(docsBaseUrl?: string): { terms: Terms; rules: Rule[] } {
  const base = docsBaseUrl ?? (defaultBase ??= defaultDocsBaseUrl(builtinRulesDir()));
  const cached = cache.get(base);
  if (cached) return cached;
  const { terms, rules: ruleData } = builtinData();
  const rules: Rule[] = [];
  // Their patterns compile when a plan first needs them: the tests prove every one valid.
  withLazyCompile(() => {
    for (const rule of ruleData) rules.push(compileRule(rule, terms, ruleDocsUrl(base, rule.id), () => rules));
  });
  // Each config may name its own docsBaseUrl: a workspace of many must not grow the cache without end.
  if (cache.size >= 16) cache.clear();
  cache.set(base, { terms, rules });
  return { terms, rules };
}
