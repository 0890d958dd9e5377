import { json } from './json';
import { stylish } from './stylish';
import type { Formatter } from './types';

/** Output formats by name; each lives in its own module and reads the same FileResults. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish,
  json,
};
