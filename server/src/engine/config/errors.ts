import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { editDistance } from '../rules/code/unknown-rule';

/** A config or pack problem, located at the file, line and key, saying what is allowed. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

/** A YAML or JSON file parsed with positions kept, so errors can point at keys. */
export class SourceFile {
  readonly doc: Document;
  private readonly counter = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true });
    const err = this.doc.errors[0];
    if (err) {
      const pos = this.counter.linePos(err.pos[0]);
      throw new ConfigError(file, pos.line, pos.col, '', `not valid YAML/JSON: ${err.message.split('\n')[0]}`);
    }
  }

  get data(): unknown {
    return this.doc.toJS();
  }

  /** An error at the key (or value) the path names; falls back to the nearest parent that exists. */
  error(path: readonly (string | number)[], detail: string, atKey = false): ConfigError {
    let p = [...path];
    let node: unknown;
    while (p.length > 0) {
      node = atKey ? this.keyNode(p) : this.doc.getIn(p, true);
      if (isNode(node) && node.range) break;
      p = p.slice(0, -1);
      node = undefined;
    }
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const pos = this.counter.linePos(offset);
    return new ConfigError(this.file, pos.line, pos.col, path.join('.'), detail);
  }

  private keyNode(path: readonly (string | number)[]): unknown {
    const parent = path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents;
    const items = (parent as { items?: { key: unknown }[] } | null)?.items;
    const pair = items?.find((i) => isNode(i.key) && (i.key as { value?: unknown }).value === path[path.length - 1]);
    return pair?.key;
  }
}

/** "(did you mean 'error'?)" for a near miss among the allowed words. */
export function didYouMean(got: string, allowed: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(got.length / 3)) + 1;
  for (const a of allowed) {
    const d = editDistance(got.toLowerCase(), a);
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best ? ` (did you mean '${best}'?)` : '';
}
