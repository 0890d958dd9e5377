import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { RuleSetting } from '../lint';
import { PatternError, type Terms } from '../patterns/pattern';
import { builtinRules } from '../rules/builtin';
import { compileRule, RuleCompileError } from '../rules/compile';
import { packSchema } from '../rules/schema';
import type { Rule, Severity } from '../rules/types';
import { ConfigError, didYouMean, SourceFile } from './errors';
import { configSchema, LEVELS, type ConfigData } from './schema';
import { show, zodError } from './validate';

export const CONFIG_NAMES = ['.stratlint.yaml', '.stratlint.yml', '.stratlint.json'];
export const DEFAULT_FILES = ['**/*strategy*.md', '**/*plan*.md', '**/strategy/**/*.md', '**/strategies/**/*.md', '**/plans/**/*.md'];
export const BUILTIN_PACKS = ['stratlint:recommended', 'stratlint:strict', 'stratlint:all'];

type Level = (typeof LEVELS)[number];

export interface ResolvedConfig {
  /** Enabled rules with their severity and options, in a stable order. */
  settings: RuleSetting[];
  knownRuleIds: Set<string>;
  /** Globs that make a Markdown file a plan, and globs never linted; absolute-anchored at `baseDir`. */
  files: string[];
  ignore: string[];
  baseDir: string;
  /** Config and pack files read, nearest last. */
  sources: string[];
}

interface State {
  rules: Map<string, Rule>;
  levels: Map<string, { level: Level; options: Record<string, unknown> }>;
  terms: Terms;
  files?: { globs: string[]; baseDir: string };
  ignore?: { globs: string[]; baseDir: string };
  sources: string[];
}

/** The config files that apply to a folder: nearest first, up to `root: true` or `stopDir`. */
export function findConfigFiles(startDir: string, stopDir?: string): string[] {
  const found: string[] = [];
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const file = CONFIG_NAMES.map((n) => join(dir, n)).find((f) => existsSync(f));
    if (file) {
      found.push(file);
      if (readConfig(file).root) break;
    }
    if ((stopDir && resolve(stopDir) === dir) || dirname(dir) === dir) break;
  }
  return found;
}

export interface ResolveOptions {
  /** The plan being linted (its folder is where the search for configs starts). */
  filePath?: string;
  /** Use this config file only (CLI --config, editor stratlint.configPath). */
  configFile?: string;
  /** Built-in recommended pack only. */
  noConfig?: boolean;
  /** Do not look for configs above this folder (the workspace root). */
  stopDir?: string;
  /** Rule settings from a plan's front matter, applied last. */
  overrides?: ConfigData;
}

/** Resolves the rules, severities and plan globs that apply to a plan. Throws ConfigError. */
export function resolveConfig(opts: ResolveOptions = {}): ResolvedConfig {
  const builtin = builtinRules();
  const state: State = { rules: new Map(builtin.rules.map((r) => [r.meta.id, r])), levels: new Map(), terms: builtin.terms, sources: [] };
  applyPack(state, 'stratlint:recommended');
  let baseDir = opts.filePath ? dirname(resolve(opts.filePath)) : process.cwd();
  if (!opts.noConfig) {
    const chain = opts.configFile ? [resolve(opts.configFile)] : findConfigFiles(baseDir, opts.stopDir).reverse();
    for (const file of chain) applyConfigFile(state, file, []);
    if (chain.length > 0) baseDir = dirname(chain[chain.length - 1]);
  }
  if (opts.overrides) applyConfig(state, opts.overrides, undefined, baseDir, []);
  const settings: RuleSetting[] = [];
  for (const [id, { level, options }] of state.levels) {
    const rule = state.rules.get(id);
    if (rule && level !== 'off') settings.push({ rule, severity: level, options });
  }
  return {
    settings,
    knownRuleIds: new Set(state.rules.keys()),
    files: state.files ? state.files.globs.map((g) => anchor(g, state.files!.baseDir)) : DEFAULT_FILES.map((g) => anchor(g, baseDir)),
    ignore: state.ignore ? state.ignore.globs.map((g) => anchor(g, state.ignore!.baseDir)) : [],
    baseDir,
    sources: state.sources,
  };
}

function anchor(glob: string, baseDir: string): string {
  return glob.startsWith('**/') || isAbsolute(glob) ? glob : `${baseDir.replace(/\\/g, '/')}/${glob.replace(/^\.\//, '')}`;
}

const configCache = new Map<string, { mtime: number; src: SourceFile; data: ConfigData }>();

function readSource(file: string): SourceFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, 1, 1, '', `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return new SourceFile(file, text);
}

/** Reads and validates one config file (cached by modification time). */
export function readConfig(file: string): ConfigData {
  return readConfigSource(file).data;
}

function readConfigSource(file: string): { src: SourceFile; data: ConfigData } {
  const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const hit = configCache.get(file);
  if (hit && hit.mtime === mtime) return hit;
  const src = readSource(file);
  const raw = src.data ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw src.error([], `expected a mapping of keys (root, extends, files, ignore, rules), got ${show(raw)}`);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw zodError(src, parsed.error.issues[0], raw, (path) => (path.length === 0 ? Object.keys(configSchema.shape) : []));
  const entry = { mtime, src, data: parsed.data };
  configCache.set(file, entry);
  return entry;
}

function applyConfigFile(state: State, file: string, stack: string[]): void {
  if (stack.includes(file)) {
    throw new ConfigError(file, 1, 1, 'extends', `extends chain loops back to this file: ${[...stack, file].join(' → ')}`);
  }
  const { src, data } = readConfigSource(file);
  state.sources.push(file);
  applyConfig(state, data, src, dirname(file), [...stack, file]);
}

function applyConfig(state: State, data: ConfigData, src: SourceFile | undefined, dir: string, stack: string[]): void {
  const ext = data.extends === undefined ? [] : Array.isArray(data.extends) ? data.extends : [data.extends];
  ext.forEach((name, i) => {
    const at = Array.isArray(data.extends) ? ['extends', i] : ['extends'];
    if (name.startsWith('stratlint:')) {
      if (!BUILTIN_PACKS.includes(name)) throw locate(src, at, `unknown built-in pack '${name}'${didYouMean(name, BUILTIN_PACKS)}; built-in packs: ${BUILTIN_PACKS.join(', ')}`);
      applyPack(state, name);
      return;
    }
    const file = resolveExtends(name, dir);
    if (!file) throw locate(src, at, `cannot find '${name}': give a path relative to this file (./rules.yaml) or an installed npm package holding a pack`);
    applyExtendedFile(state, file, stack);
  });
  if (data.files) state.files = { globs: data.files, baseDir: dir };
  if (data.ignore) state.ignore = { globs: data.ignore, baseDir: dir };
  for (const [id, entry] of Object.entries(data.rules ?? {})) {
    if (!state.rules.has(id)) throw locate(src, ['rules', id], `unknown rule '${id}'${didYouMean(id, state.rules.keys())}`, true);
    const [level, options] = typeof entry === 'string' ? [entry, undefined] : [entry[0], entry[1]];
    const previous = state.levels.get(id);
    state.levels.set(id, { level, options: options ?? previous?.options ?? {} });
  }
}

function locate(src: SourceFile | undefined, path: (string | number)[], detail: string, atKey = false): Error {
  return src ? src.error(path, detail, atKey) : new ConfigError('front matter', 1, 1, path.join('.'), detail);
}

/** A local file (relative to the config) or an npm package installed beside the config. */
function resolveExtends(name: string, dir: string): string | undefined {
  if (name.startsWith('.') || isAbsolute(name)) {
    const file = resolve(dir, name);
    return existsSync(file) ? file : undefined;
  }
  for (let d = dir; ; d = dirname(d)) {
    const pkgDir = join(d, 'node_modules', name);
    if (existsSync(join(pkgDir, 'package.json'))) {
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { stratlint?: unknown };
      const entry = typeof pkg.stratlint === 'string' ? pkg.stratlint : 'stratlint.yaml';
      const file = resolve(pkgDir, entry);
      return existsSync(file) ? file : undefined;
    }
    if (dirname(d) === d) return undefined;
  }
}

/** An extended file is a pack (a list of rule definitions) or another config. */
function applyExtendedFile(state: State, file: string, stack: string[]): void {
  const src = readSource(file);
  const raw = src.data as { rules?: unknown } | null;
  if (raw && typeof raw === 'object' && Array.isArray(raw.rules)) applyRulePack(state, src, raw);
  else applyConfigFile(state, file, stack);
}

function applyRulePack(state: State, src: SourceFile, raw: unknown): void {
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) throw zodError(src, parsed.error.issues[0], raw, (path) => (path.length === 0 ? ['terms', 'rules'] : []));
  state.sources.push(src.file);
  const terms = { ...state.terms, ...parsed.data.terms };
  parsed.data.rules.forEach((data, i) => {
    if (builtinRules().rules.some((r) => r.meta.id === data.id)) throw src.error(['rules', i, 'id'], `'${data.id}' is a built-in rule ID; give pack rules their own IDs (e.g. 'acme/${data.id}')`);
    const docs = data.docs ? (/^[a-z]+:/i.test(data.docs) ? data.docs : `file://${resolve(dirname(src.file), data.docs)}`) : `file://${src.file}`;
    try {
      state.rules.set(data.id, compileRule(data, terms, docs));
    } catch (e) {
      if (e instanceof PatternError || e instanceof RuleCompileError) throw src.error(['rules', i], e.message);
      throw e;
    }
    state.levels.set(data.id, { level: data.severity, options: {} });
  });
}

const RAISE: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

function applyPack(state: State, name: string): void {
  const builtinIds = new Set(builtinRules().rules.map((r) => r.meta.id));
  for (const rule of state.rules.values()) {
    if (name === 'stratlint:all' || builtinIds.has(rule.meta.id)) {
      const level = name === 'stratlint:strict' ? RAISE[rule.meta.severity] : rule.meta.severity;
      state.levels.set(rule.meta.id, { level, options: state.levels.get(rule.meta.id)?.options ?? {} });
    }
  }
}
