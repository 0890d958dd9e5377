import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { fileHost } from '../files/host';
import type { RuleSetting } from '../lint';
import { builtinRules } from '../rules/builtin';
import type { Rule, Severity } from '../rules/types';
import { ConfigError, didYouMean, type DataPath, type SourceFile } from './errors';
import { isInside, resolveExtends, type BuiltinPack } from './extends';
import type { PlanSettings } from './front-matter';
import { compilePack, isPack, type CompiledPack } from './packs';
import { readDataFile, refuseOutside } from './read';
import { readRuleEntry } from './rule-entry';
import { configShapeSchema, type Level, type LoadedConfig } from './schema';
import { validate } from './validate';

export { BUILTIN_PACKS } from './extends';
export const CONFIG_NAMES = ['.stratlint.yaml', '.stratlint.yml', '.stratlint.json'];
export const DEFAULT_FILES = ['**/*strategy*.md', '**/*plan*.md', '**/strategy/**/*.md', '**/strategies/**/*.md', '**/plans/**/*.md'];
/** The rule `--report-unused-disable-directives` turns on. */
const UNUSED_DIRECTIVE_RULE = 'unused-suppression';

export interface ResolvedConfig {
  /** Enabled rules with their severity and options, in a stable order. */
  settings: RuleSetting[];
  knownRuleIds: Set<string>;
  /** Globs of Markdown files that are plans, and of files never linted through folders or globs; absolute. */
  files: string[];
  ignore: string[];
  /** The folder of the nearest config (else the plan's folder). */
  baseDir: string;
  /** Config and pack files read, in the order applied (nearest config last). */
  sources: string[];
  /** The config's `docsBaseUrl`, when one sets it: built-in rule pages are linked there. */
  docsBaseUrl?: string;
}

export interface ResolveOptions {
  /** The plan being linted (its folder is where the search for configs starts). */
  filePath?: string;
  /** Use this config file only (CLI --config, editor stratlint.configPath); it may live anywhere. */
  configFile?: string;
  /** Built-in recommended pack only (the plan's own front matter still applies). */
  noConfig?: boolean;
  /**
   * The workspace root: configs are not looked for above it, and files that configs, packs and
   * front matter inside it name must be inside it too. Undefined: no limit (a library caller's choice).
   */
  stopDir?: string;
  /** The plan's own `stratlint:` front matter settings, applied last. */
  planSettings?: PlanSettings;
  /** Report disable comments that suppress nothing, as errors (CLI --report-unused-disable-directives). */
  reportUnusedDisableDirectives?: boolean;
}

interface State {
  rules: Map<string, Rule>;
  /** The pack file that defined each pack rule, to catch two packs defining one ID. */
  ruleOrigin: Map<string, string>;
  levels: Map<string, { level: Level; options: Record<string, unknown> }>;
  files?: string[];
  ignore: string[];
  sources: string[];
  /** Files already applied through `extends`: each counts once, so fan-out costs linear time. */
  extended: Set<string>;
  docsBaseUrl?: string;
}

/** `extends` deeper than this, or reaching more files, is refused: a repository could otherwise make every lint do unbounded work. */
export const MAX_EXTENDS_DEPTH = 32;
export const MAX_EXTENDS_FILES = 256;

/** Where settings come from: the file and the path in it, the folder paths are relative to, the workspace limit, the extends chain so far. */
interface Site {
  src: SourceFile;
  at: DataPath;
  dir: string;
  boundary?: string;
  stack: string[];
}

/** The config files that apply to a folder: nearest first, up to `root: true` or `stopDir`. */
export function findConfigFiles(startDir: string, stopDir?: string): string[] {
  const found: string[] = [];
  const stop = stopDir && resolve(stopDir);
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const here = CONFIG_NAMES.map((n) => join(dir, n)).filter((f) => fileHost().exists(f));
    if (here.length > 1) throw new ConfigError(here[1], 1, 1, '', `${basename(here[0])} is in the same folder; keep one config file per folder so that it is clear which one applies`);
    if (here.length === 1) {
      refuseOutside(here[0], stop);
      found.push(here[0]);
      if (loadFile(here[0]).config().root) break;
    }
    if (dir === stop || dirname(dir) === dir) break;
  }
  return found;
}

/** Resolves the rules, severities and plan globs that apply to a plan. Throws ConfigError. */
export function resolveConfig(opts: ResolveOptions = {}): ResolvedConfig {
  const state: State = { rules: new Map(builtinRules().rules.map((r) => [r.meta.id, r])), ruleOrigin: new Map(), levels: new Map(), ignore: [], sources: [], extended: new Set() };
  applyBuiltinPack(state, 'stratlint:recommended');
  const planDir = opts.filePath ? dirname(resolve(opts.filePath)) : process.cwd();
  const stopDir = opts.stopDir && resolve(opts.stopDir);
  const limit = (path: string) => (stopDir && isInside(path, stopDir) ? stopDir : undefined);
  let baseDir = planDir;
  if (!opts.noConfig) {
    const chain = opts.configFile ? [resolve(opts.configFile)] : findConfigFiles(planDir, stopDir).reverse();
    for (const file of chain) applyConfigFile(state, file, opts.configFile ? undefined : limit(file), []);
    if (chain.length > 0) baseDir = dirname(chain[chain.length - 1]);
  }
  if (opts.planSettings) {
    const { src, at, data } = opts.planSettings;
    applySettings(state, data, { src, at, dir: planDir, boundary: limit(planDir), stack: [] });
  }
  if (state.docsBaseUrl) rebaseBuiltinDocs(state, state.docsBaseUrl);
  if (opts.reportUnusedDisableDirectives && state.rules.has(UNUSED_DIRECTIVE_RULE)) {
    state.levels.set(UNUSED_DIRECTIVE_RULE, { level: 'error', options: state.levels.get(UNUSED_DIRECTIVE_RULE)?.options ?? {} });
  }
  const settings: RuleSetting[] = [];
  for (const [id, { level, options }] of state.levels) {
    const rule = state.rules.get(id);
    if (rule && level !== 'off') settings.push({ rule, severity: level, options });
  }
  return { settings, knownRuleIds: new Set(state.rules.keys()), files: state.files ?? DEFAULT_FILES, ignore: state.ignore, baseDir, sources: state.sources, ...(state.docsBaseUrl && { docsBaseUrl: state.docsBaseUrl }) };
}

/** Swaps the built-in rules for the same rules linking to their pages under `base`. */
function rebaseBuiltinDocs(state: State, base: string): void {
  for (const rule of builtinRules(base).rules) state.rules.set(rule.meta.id, rule);
}

function applyConfigFile(state: State, file: string, boundary: string | undefined, stack: string[]): void {
  const loaded = loadFile(file);
  const data = loaded.config();
  state.sources.push(file);
  applySettings(state, data, { src: loaded.src, at: [], dir: dirname(file), boundary, stack: [...stack, file] });
}

function applySettings(state: State, data: LoadedConfig, site: Site): void {
  const names = data.extends === undefined ? [] : typeof data.extends === 'string' ? [data.extends] : data.extends;
  names.forEach((name, i) => {
    const at = [...site.at, 'extends', ...(Array.isArray(data.extends) ? [i] : [])];
    const target = resolveExtends(name, { src: site.src, at, dir: site.dir, boundary: site.boundary });
    if ('builtin' in target) return applyBuiltinPack(state, target.builtin);
    const loops = site.stack.indexOf(target.file);
    if (loops >= 0) {
      const from = dirname(site.stack[0]);
      const chain = [...site.stack.slice(loops), target.file].map((f) => relative(from, f) || basename(f));
      throw site.src.error(at, `extends loops back to a file already in the chain: ${chain.join(' → ')}`);
    }
    // A file reached a second time (A extends B and C, both extend D) is applied already.
    if (state.extended.has(target.file)) return;
    if (site.stack.length >= MAX_EXTENDS_DEPTH) throw site.src.error(at, `extends goes more than ${MAX_EXTENDS_DEPTH} files deep; flatten the chain`);
    state.extended.add(target.file);
    if (state.extended.size > MAX_EXTENDS_FILES) throw site.src.error(at, `extends reaches more than ${MAX_EXTENDS_FILES} files; use fewer packs`);
    const loaded = loadFile(target.file);
    if (isPack(loaded.src.data)) applyPack(state, loaded.pack());
    else applyConfigFile(state, target.file, site.boundary, site.stack);
  });
  if (data.docsBaseUrl) state.docsBaseUrl = data.docsBaseUrl;
  if (data.files) state.files = globsAt(site, 'files', data.files);
  // No spread: a list of 100,000 globs would overflow the call stack.
  if (data.ignore) for (const g of globsAt(site, 'ignore', data.ignore)) state.ignore.push(g);
  for (const [id, raw] of Object.entries(data.rules ?? {})) {
    const at = [...site.at, 'rules', id];
    const rule = state.rules.get(id);
    if (!rule) throw site.src.error(at, unknownRule(id, state), true);
    const entry = readRuleEntry(site.src, at, rule, raw);
    state.levels.set(id, { level: entry.level, options: entry.options ?? state.levels.get(id)?.options ?? {} });
  }
}

function unknownRule(id: string, state: State): string {
  const fromPack = id.includes('/') && ![...state.ruleOrigin.keys()].some((k) => k.split('/')[0] === id.split('/')[0]);
  return `unknown rule '${id}'${didYouMean(id, state.rules.keys())}${fromPack ? `; a pack's rules are known once the pack is in extends (in this file or a parent config)` : ''}`;
}

/** Globs anchored at the folder of the file that sets them (`**` globs match anywhere). */
function globsAt(site: Site, key: 'files' | 'ignore', globs: string[]): string[] {
  const base = site.dir.replace(/\\/g, '/');
  return globs.map((g, i) => {
    if (g.startsWith('!')) throw site.src.error([...site.at, key, i], key === 'files' ? `negated globs are not supported; list the files to leave out under 'ignore'` : `negated globs are not supported in 'ignore'`);
    if (g.startsWith('**/') || posix.isAbsolute(g)) return g;
    return posix.join(base, g);
  });
}

const RAISE: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

/**
 * recommended: the built-in rules at their default severities, opt-in rules off;
 * strict: every built-in rule, one step more severe; all: every built-in rule at its default.
 * Options set earlier stay: a pack changes how loud a rule is, not how it is tuned.
 */
function applyBuiltinPack(state: State, name: BuiltinPack): void {
  for (const rule of builtinRules().rules) {
    const { id, severity, recommended } = rule.meta;
    const level = name === 'stratlint:strict' ? RAISE[severity] : name === 'stratlint:recommended' && recommended === false ? 'off' : severity;
    state.levels.set(id, { level, options: state.levels.get(id)?.options ?? {} });
  }
}

function applyPack(state: State, pack: CompiledPack): void {
  state.sources.push(pack.file);
  for (const { rule, at } of pack.rules) {
    const id = rule.meta.id;
    const owner = state.ruleOrigin.get(id);
    if (owner && owner !== pack.file) throw pack.src.error([...at, 'id'], `the rule '${id}' is already defined by ${owner}; give this one another ID`);
    state.rules.set(id, rule);
    state.ruleOrigin.set(id, pack.file);
    state.levels.set(id, { level: rule.meta.recommended === false ? 'off' : rule.meta.severity, options: {} });
  }
}

interface LoadedFile {
  src: SourceFile;
  /** The file as a config (validated once). */
  config(): LoadedConfig;
  /** The file as a pack (validated and compiled once). */
  pack(): CompiledPack;
}

const fileCache = new Map<string, { stamp: string; loaded: LoadedFile }>();

/** Reads a config or pack file, cached until it changes: the CLI and the editor resolve configs for every plan. */
function loadFile(file: string): LoadedFile {
  const stamp = fileHost().stat(file)?.stamp ?? '';
  const hit = fileCache.get(file);
  if (hit && hit.stamp === stamp) return hit.loaded;
  const src = readDataFile(file);
  let config: LoadedConfig | undefined;
  let pack: CompiledPack | undefined;
  const loaded: LoadedFile = {
    src,
    config: () => (config ??= readConfigData(src)),
    pack: () => (pack ??= compilePack(src)),
  };
  fileCache.set(file, { stamp, loaded });
  return loaded;
}

function readConfigData(src: SourceFile): LoadedConfig {
  const raw = src.data ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw src.error([], `expected a mapping of settings (root, extends, files, ignore, rules), got ${Array.isArray(raw) ? 'a list' : 'a single value'}`);
  return validate(src, configShapeSchema, raw);
}
