import { codeclimate } from './codeclimate';
import { github } from './github';
import { html } from './html';
import { json, jsonStream } from './json';
import { junit } from './junit';
import { rdjson } from './rdjson';
import { sarif } from './sarif';
import { scorecard } from './scorecard';
import { stylish, stylishStream } from './stylish';
import { summary } from './summary';
import type { Formatter, StreamingFormatter } from './types';

/** Output formats by name; each lives in its own module and reads the same FileResults. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish,
  json,
  sarif,
  github,
  codeclimate,
  rdjson,
  junit,
  summary,
  scorecard,
  html,
};

/** Formats that show the scorecard: main computes it only for them, as it takes another pass of the plan-level rules. */
export const SCORECARD_FORMATS: ReadonlySet<string> = new Set(['scorecard', 'html', 'summary']);

/** Formats that print each file as it is linted (the others need every file's findings first). */
export const STREAMING_FORMATTERS: Readonly<Record<string, StreamingFormatter>> = { stylish: stylishStream, json: jsonStream };

/** Formats that quote a file's text (flagged words, UTF-8 columns): only for them do results keep it. */
export const TEXT_FORMATS: ReadonlySet<string> = new Set(['junit', 'rdjson', 'summary']);
