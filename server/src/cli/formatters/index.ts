import { html } from './html';
import { json } from './json';
import { scorecard } from './scorecard';
import { stylish } from './stylish';
import type { Formatter } from './types';

/** Output formats by name; each lives in its own module and reads the same FileResults. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish,
  json,
  scorecard,
  html,
};

/** Formats that show the scorecard: main computes it only for them, as it takes another pass of the plan-level rules. */
export const SCORECARD_FORMATS: ReadonlySet<string> = new Set(['scorecard', 'html']);
