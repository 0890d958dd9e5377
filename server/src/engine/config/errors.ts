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

/** `rules.time-horizon[1].minYears`: keys joined by dots, list indexes in brackets. */
export function formatKey(path: DataPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

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
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true });
    const err = this.doc.errors[0];
    if (err) {
      const pos = this.position(err.pos[0]);
      throw new ConfigError(file, pos.line, pos.col, '', `not valid YAML or JSON: ${err.message.split('\n')[0]}`, pos.line, pos.col, frontMatterAt !== undefined);
    }
    this.data = this.doc.toJS();
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
    return new ConfigError(this.file, start.line, start.col, formatKey(path), detail, end.line, end.col, this.frontMatterAt !== undefined);
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
  const text = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…${typeof v === 'string' ? "'" : ''}` : line;
}
