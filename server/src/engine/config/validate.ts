import type { z } from 'zod';
import { didYouMean, type SourceFile } from './errors';

/** Turns the first zod issue into a ConfigError that names the key and says what is allowed. */
export function zodError(src: SourceFile, issue: z.core.$ZodIssue, data: unknown, allowedAt: (path: readonly (string | number)[]) => string[] = () => []) {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const got = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const allowed = allowedAt(path);
      return src.error([...path, key], `unknown key '${key}'${didYouMean(key, allowed)}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`, true);
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return src.error(path, `expected one of ${options.join('|')}, got ${show(got)}${typeof got === 'string' ? didYouMean(got, options) : ''}`);
    }
    case 'invalid_type':
      return src.error(path, `expected ${issue.expected}, got ${show(got)}`);
    default:
      return src.error(path, issue.message);
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `'${v}'`;
  return JSON.stringify(v);
}
