import type { z } from 'zod';
import { didYouMean, show, type ConfigError, type DataPath, type SourceFile } from './errors';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/**
 * Checks data against a schema; on failure, a ConfigError for the first problem that names the key
 * and says what is allowed. `at` is where the data sits in the file (e.g. ['stratlint'] in front matter).
 */
export function validate<S extends Schema>(src: SourceFile, schema: S, data: unknown, at: DataPath = []): z.infer<S> {
  const result = (schema as unknown as z.ZodType).safeParse(data);
  if (result.success) return result.data as z.infer<S>;
  // A misspelt key is also a missing one: naming the unknown key (with its near miss) says more.
  const issues = result.error.issues;
  throw issueError(src, schema, issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0], data, at);
}

function issueError(src: SourceFile, schema: Schema, issue: Issue, data: unknown, at: DataPath): ConfigError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const got = valueAt(data, path);
  const where = [...at, ...path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const allowed = objectKeysAt(schema, data, path);
      return src.error([...where, key], `unknown key '${key}'${didYouMean(key, allowed)}${allowed.length ? `; allowed here: ${allowed.join(', ')}` : ''}`, true);
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const expected = options.length === 1 ? `'${options[0]}'` : `one of ${options.join('|')}`;
      return src.error(where, `expected ${expected}, got ${show(got)}${typeof got === 'string' ? didYouMean(got, options) : ''}`);
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        const what = got === undefined ? `missing '${issue.discriminator}': give` : 'expected';
        return src.error(where, `${what} one of ${options.join('|')}${got === undefined ? '' : `, got ${show(got)}${typeof got === 'string' ? didYouMean(got, options) : ''}`}`);
      }
      // A branch that accepted the value's type but failed inside it says most; else the union's own message.
      const inner = issue.errors.filter((branch) => branch.every((i) => i.path.length > 0)).sort((a, b) => a.length - b.length)[0];
      if (inner) return issueError(src, schema, { ...inner[0], path: [...issue.path, ...inner[0].path] } as Issue, data, at);
      const types = [...new Set(issue.errors.flatMap((b) => b.filter((i) => i.path.length === 0 && i.code === 'invalid_type').map((i) => describeType((i as { expected: string }).expected))))];
      const expected = issue.message.startsWith('expected') ? issue.message : types.length ? `expected ${types.join(' or ')}` : 'not allowed here';
      return src.error(where, `${expected}, got ${show(got)}`);
    }
    case 'invalid_type':
      if (got === undefined) return src.error(where, `missing: give ${describeType(issue.expected)}`);
      return src.error(where, `expected ${describeType(issue.expected)}, got ${show(got)}${hint(issue.expected, got)}`);
    case 'too_small':
      if (issue.origin === 'string') return src.error(where, 'expected a non-empty text, got an empty one');
      if (issue.origin === 'array') return src.error(where, `expected at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}, got ${show(got)}`);
      return src.error(where, `expected a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${show(got)}`);
    case 'too_big':
      if (issue.origin === 'array') return src.error(where, `expected at most ${issue.maximum} items, got ${show(got)}`);
      return src.error(where, `expected a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${show(got)}`);
    case 'invalid_format':
      return src.error(where, `expected ${issue.message}, got ${show(got)}`);
    default:
      return src.error(where, issue.message);
  }
}

function describeType(expected: string): string {
  const words: Record<string, string> = {
    array: 'a list',
    tuple: 'a list',
    object: 'a mapping of keys to values',
    record: 'a mapping of keys to values',
    string: 'a text',
    boolean: 'true or false',
    number: 'a number',
    int: 'a whole number',
  };
  return words[expected] ?? expected;
}

function hint(expected: string, got: unknown): string {
  if (expected === 'array' && typeof got === 'string') return ` (write a list, e.g. [${JSON.stringify(got)}])`;
  if (expected === 'boolean' && typeof got === 'string') return ' (write true or false without quotes)';
  return '';
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** The keys the schema allows in the mapping at `path`, following the data through lists and tagged unions. */
function objectKeysAt(schema: Schema, data: unknown, path: DataPath): string[] {
  let s: Schema | undefined = schema;
  let v = data;
  for (let i = 0; ; i++) {
    s = unwrap(s, v);
    if (!s) return [];
    if (i === path.length) break;
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, Schema>; element?: Schema; valueType?: Schema; items?: Schema[] };
    const p = path[i];
    if (def.type === 'object') s = def.shape?.[p];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'tuple') s = def.items?.[Number(p)];
    else return [];
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  }
  const def = s._zod.def as unknown as { type: string; shape?: Record<string, Schema> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Looks through optional/default/pipe wrappers, and picks the branch of a tagged union the data names. */
function unwrap(s: Schema | undefined, v: unknown): Schema | undefined {
  while (s) {
    const def = s._zod.def as unknown as { type: string; innerType?: Schema; in?: Schema; options?: Schema[]; discriminator?: string };
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union' && def.discriminator && def.options) {
      const tag = v && typeof v === 'object' ? (v as Record<string, unknown>)[def.discriminator] : undefined;
      s = def.options.find((o) => {
        const shape = (o._zod.def as unknown as { shape?: Record<string, Schema> }).shape;
        const lit = shape?.[def.discriminator!]?._zod.def as unknown as { values?: unknown[] } | undefined;
        return lit?.values?.includes(tag);
      });
    } else return s;
  }
  return undefined;
}
