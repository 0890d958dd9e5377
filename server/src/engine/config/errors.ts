import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { editDistance } from '../rules/code/unknown-rule';

/** A path into YAML/JSON data: mapping keys and list indexes. */
export type DataPath = readonly (string | number)[];

/**
 * A config or pack problem, located at the file, line and key, saying what is allowed.
 * Lines and columns are 1-based (as editors and terminals show them); `endColumn` is exclusive.
 * The editor turns these into a diagnostic at the key; the CLI prints the message and exits 2.
 */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** Where in the file, e.g. `rules.time-horizon[1].minYears`; empty when the whole file is wrong. */
    readonly key: string,
    /** What is wrong and what is allowed. */
    readonly detail: string,
    readonly endLine: number = line,
    readonly endColumn: number = column,
    /** The error is in a plan's own `stratlint:` front matter: `file` is the plan, the position its line. */
    readonly inFrontMatter = false,
  ) {
    super(`${file}:${line}:${column}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

/**
 * A config or pack file Stratlint refused or could not read (not a regular file, too large, a
 * link outside the workspace). Its message quotes nothing from the file, and nothing reads it
 * again to show the error.
 */
export class UnreadFileError extends ConfigError {
  constructor(file: string, detail: string) {
    super(file, 1, 1, '', detail);
  }
}

/** `rules.time-horizon[1].minYears`: keys joined by dots, list indexes in brackets. */
export function formatKey(path: DataPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

/** A pack rule's ID as the rule schema allows it. */
const RULE_ID = /^[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)?$/;

/**
 * A YAML or JSON file parsed with positions kept, so that errors can point at keys. A plan's
 * front matter is parsed as a fragment that starts `frontMatterAt` lines into the plan, so that
 * its errors point at the plan's real lines.
 */
export class SourceFile {
  readonly doc: Document;
  readonly data: unknown;
  private readonly counter = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
    private readonly frontMatterAt?: number,
  ) {
    const whole = (detail: string) => new ConfigError(file, 1 + (frontMatterAt ?? 0), 1, '', detail, 1 + (frontMatterAt ?? 0), 1, frontMatterAt !== undefined);
    try {
      this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true });
      const err = this.doc.errors[0];
      if (err) {
        const pos = this.position(err.pos[0]);
        const hint = quoteHint(text.split(/\r?\n|\r/)[pos.line - 1 - (frontMatterAt ?? 0)] ?? '');
        throw new ConfigError(file, pos.line, pos.col, '', `not valid YAML or JSON: ${err.message.split('\n')[0]}${hint}`, pos.line, pos.col, frontMatterAt !== undefined);
      }
      this.data = toData(this.doc, () => whole(ALIAS_BOMB));
    } catch (e) {
      // Thousands of nested brackets exhaust the parser's stack: a clear error, not a crash.
      if (e instanceof RangeError) throw whole('nested too deeply to read; settings need a few levels at most');
      throw e;
    }
    // Plain objects would drop such a key (it sets the prototype) and accept the file without a word.
    const special = specialKeyPath(this.data, []);
    if (special) throw this.error(special, `'${special[special.length - 1]}' cannot be used as a key`, true);
  }

  /** An error at the value (or, with `atKey`, the key) the path names; falls back to the nearest parent that exists. */
  error(path: DataPath, detail: string, atKey = false): ConfigError {
    let range: readonly number[] | undefined;
    for (let p = path; p.length > 0 && !range; p = p.slice(0, -1)) {
      const node = atKey && p === path ? this.keyNode(p) : this.doc.getIn(p, true);
      if (isNode(node) && node.range) range = node.range;
    }
    const start = this.position(range ? range[0] : 0);
    const end = range ? this.position(range[1]) : start;
    return new ConfigError(this.file, start.line, start.col, this.keyOf(path), detail, end.line, end.col, this.frontMatterAt !== undefined);
  }

  /**
   * The key an error names. A pack's `rules[3]` is named by the rule's ID, `rules[acme/risks]`, as
   * its author knows it; the index stays when the ID is missing, malformed or given twice.
   */
  private keyOf(path: DataPath): string {
    const key = formatKey(path);
    const rules = (this.data as { rules?: unknown } | null)?.rules;
    if (path[0] !== 'rules' || typeof path[1] !== 'number' || !Array.isArray(rules)) return key;
    const idOf = (r: unknown) => (r as { id?: unknown } | null)?.id;
    const id = idOf(rules[path[1]]);
    if (typeof id !== 'string' || !RULE_ID.test(id) || rules.filter((r) => idOf(r) === id).length > 1) return key;
    return key.replace(/^rules\[\d+\]/, `rules[${id}]`);
  }

  private position(offset: number): { line: number; col: number } {
    const pos = this.counter.linePos(offset);
    return { line: pos.line + (this.frontMatterAt ?? 0), col: pos.col };
  }

  private keyNode(path: DataPath): unknown {
    const parent = path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents;
    const items = (parent as { items?: { key: unknown }[] } | null)?.items;
    const pair = items?.find((i) => isNode(i.key) && (i.key as { value?: unknown }).value === path[path.length - 1]);
    return pair?.key;
  }
}

/**
 * What to do about an unquoted value YAML cannot read, as "; quote this template: …": a fix
 * template such as `<claim: what is better>` holds ": ", which YAML takes for a nested key.
 */
function quoteHint(line: string): string {
  const m = /^\s*(?:-\s+)?([\w-]+):[ \t]+([^'"|>\s].*?)\s*$/.exec(line);
  if (!m || !/: |^[@`]/.test(m[2])) return '';
  const [, key, value] = m;
  return `; quote this ${key === 'template' ? 'template' : 'value'}: ${key}: ${JSON.stringify(value)}`;
}

const SPECIAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function specialKeyPath(v: unknown, path: (string | number)[]): DataPath | undefined {
  if (!v || typeof v !== 'object') return undefined;
  for (const [k, child] of Object.entries(v)) {
    const at = [...path, Array.isArray(v) ? Number(k) : k];
    if (!Array.isArray(v) && SPECIAL_KEYS.has(k)) return at;
    const found = specialKeyPath(child, at);
    if (found) return found;
  }
  return undefined;
}

const ALIAS_BOMB = 'uses YAML aliases (*name) too many times (more than 100 expansions); write the values out instead';

/** The document as plain data; a document whose aliases expand too much (a "billion laughs" file) is an error. */
function toData(doc: Document, aliasError: () => ConfigError): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw aliasError();
    throw e;
  }
}

/** " (did you mean 'error'?)" for a near miss or an abbreviation of one of the allowed words. */
export function didYouMean(got: string, allowed: Iterable<string>): string {
  const word = got.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const a of allowed) {
    const d = word.length >= 3 && a.startsWith(word) ? 1 : editDistance(word, a.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best && best !== got ? ` (did you mean '${best}'?)` : '';
}

/** A value as an error message quotes it: short, on one line. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  // JSON has no infinity: say what the YAML said rather than "null".
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan (not a number)' : `${v < 0 ? '-' : ''}.inf (infinity)`;
  const text = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…${typeof v === 'string' ? "'" : ''}` : line;
}
