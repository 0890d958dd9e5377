import { relative, resolve } from 'node:path';
import { documentConfig, isPlan, matchesGlobs, parsePlan, workspaceRootOf } from '../engine/index';
import { readText } from './read';

export interface PrintConfigOptions {
  cwd: string;
  configFile?: string;
  noConfig: boolean;
  reportUnusedDisableDirectives: boolean;
}

/**
 * `stratlint --print-config <plan>`: the config that applies to a plan once every config file,
 * pack and its own front matter are applied, as JSON (like ESLint's --print-config), so that a
 * team can see why a rule fires or stays quiet. Rules read as they would in a config file: a
 * level, or [level, options]; rules that are known but off say "off". Throws ReadError, ConfigError.
 */
export function printConfig(planPath: string, opts: PrintConfigOptions): string {
  const path = resolve(opts.cwd, planPath);
  const shown = (p: string) => relative(opts.cwd, p).replace(/\\/g, '/') || p;
  const plan = parsePlan(readText(path, planPath));
  const config = documentConfig(plan, {
    filePath: path,
    configFile: opts.configFile && resolve(opts.cwd, opts.configFile),
    noConfig: opts.noConfig,
    stopDir: workspaceRootOf(path, opts.cwd),
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
  });
  const enabled = new Map(config.settings.map((s) => [s.rule.meta.id, s]));
  const rules = Object.fromEntries(
    [...config.knownRuleIds].sort().map((id) => {
      const s = enabled.get(id);
      if (!s) return [id, 'off'];
      return [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity];
    }),
  );
  const printed = {
    file: shown(path),
    // Whether a folder or glob would lint it; named on the command line, it is linted anyway.
    isPlan: !matchesGlobs(path, config.ignore) && isPlan(plan, path, config.files),
    configFiles: config.sources.map(shown),
    files: config.files,
    ignore: config.ignore,
    ...(config.docsBaseUrl && { docsBaseUrl: config.docsBaseUrl }),
    rules,
  };
  return `${JSON.stringify(printed, null, 2)}\n`;
}
