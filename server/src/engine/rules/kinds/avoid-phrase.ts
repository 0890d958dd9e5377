import { z } from 'zod';
import { spanFix } from '../../fixes/span-fix';
import { blockRange, inSectionMatching } from '../../plan/scope';
import { memoKey, remember, type MemoKey } from '../../patterns/memo';
import { compileAll, Pattern, type Match, type Terms } from '../../patterns/pattern';
import type { Block, Plan } from '../../plan/model';
import { othersWords } from '../../plan/slots';
import type { RuleDataOf } from '../schema';
import type { Rule, RuleMeta } from '../types';
import { appearsInScope, blockInContext, hasLabel, parentItem, quotesOf } from './scopes';

/** Words the principle warns against, unless the surrounding text shows they are meant well. */
export function avoidPhrase(data: RuleDataOf<'avoid-phrase'>, meta: RuleMeta, terms: Terms): Rule {
  const rewrites = new Map(Object.entries(data.replace ?? {}).map(([phrase, rewrite]) => [normalizeWords(phrase), rewrite]));
  const patterns = [...compileAll(data.patterns, terms), ...Object.keys(data.replace ?? {}).map(plainPhrase)];
  const phrasesFor = phraseOptions(patterns, compileAll(data.anywhere, terms), data.unlessScope);
  const unless = compileAll(data.unless, terms);
  const followedBy = compileAll(data.unlessFollowedBy, terms);
  const precededBy = compileAll(data.unlessPrecededBy, terms);
  // Sentence and block scopes are the block's own text: then every test below the context checks is.
  const textOnly = (scope: Phrasing['unlessScope']) => scope === 'sentence' || scope === 'block';

  /** The matches that pass every test that reads the block's text alone. */
  const candidates = (plan: Plan, block: Block, phrasing: Phrasing): Match[] => {
    const found: Match[] = [];
    let quoted: ((at: number) => boolean) | undefined;
    for (const p of phrasing.phrases) {
      for (const m of p.matches(block.text)) {
        const words = block.text.slice(m.start, m.end);
        if (phrasing.allowed(words)) continue;
        if (data.skipQuoted && (quoted ??= quotesOf(block.text))(m.start)) continue;
        if (data.skipProperNames && isProperName(block.text, m.start, words)) continue;
        const rest = after(block.text, m.end);
        if (followedBy.some((f) => f.matchesAtStart(rest))) continue;
        const head = before(block.text, m.start);
        if (precededBy.some((f) => f.matches(head).some((x) => x.end === head.length))) continue;
        if (textOnly(phrasing.unlessScope) && appearsInScope(plan, block, m.start, phrasing.unlessScope, unless)) continue;
        found.push(m);
      }
    }
    return found;
  };

  /** What the rule flags in the block. */
  const flags = (plan: Plan, block: Block, inContext: Phrasing): Match[] => {
    const phrasing = blockInContext(block, data.inSections, data.inLabels) ? inContext : inContext.anywhere;
    if (!phrasing) return [];
    if (data.exceptSections && inSectionMatching(block, data.exceptSections)) return [];
    if (data.skipNestedItems && !hasLabel(block, data.inLabels) && parentItem(plan, block)) return [];
    if (data.skipQuoted && othersWords(plan, block)) return [];
    const found = remember(phrasing.key, block.text, () => candidates(plan, block, phrasing));
    return textOnly(phrasing.unlessScope) ? found : found.filter((m) => !appearsInScope(plan, block, m.start, phrasing.unlessScope, unless));
  };

  /** The fix of words that are one of the `replace` phrases: its own rewrite, capitalised as the words were. */
  const rewriteFix = (plan: Plan, block: Block, m: Match) => {
    const words = block.text.slice(m.start, m.end);
    const rewrite = rewrites.get(normalizeWords(words));
    if (rewrite === undefined) return undefined;
    const text = /^\p{Lu}/u.test(words) ? rewrite.charAt(0).toUpperCase() + rewrite.slice(1) : rewrite;
    const title = meta.fix?.title ?? `Replace with "${text}"`;
    return spanFix(plan, block, m, { title, template: text }, 'replace-match');
  };

  return {
    meta,
    optionsSchema: PHRASE_OPTIONS,
    check(ctx) {
      const { plan } = ctx;
      const phrasing = phrasesFor(ctx.options);
      for (const block of plan.blocks) {
        // What answers a statement read anywhere goes in its own block, where its `unless` patterns look.
        const action = blockInContext(block, data.inSections, data.inLabels) ? (data.fix?.action ?? 'replace-match') : 'append-block';
        for (const m of flags(plan, block, phrasing)) {
          const fix = rewriteFix(plan, block, m) ?? (meta.fix && spanFix(plan, block, m, meta.fix, action));
          ctx.report({ range: blockRange(plan, block, m.start, m.end), fixes: fix ? [fix] : [] });
        }
      }
    },
    flagged(plan, block) {
      return flags(plan, block, phrasesFor({}));
    },
  };
}

interface Phrasing {
  key: MemoKey;
  phrases: Pattern[];
  allowed: (words: string) => boolean;
  /** Where an `unless` pattern spares a match. */
  unlessScope: RuleDataOf<'avoid-phrase'>['unlessScope'];
  /** What is read outside the rule's sections and labels (its `anywhere` patterns), if anything. */
  anywhere?: Phrasing;
}

/** The options below as the config loader checks them (a config with a slip is an error at its line). */
const PHRASE_OPTIONS = z
  .object({
    terms: z.array(z.string()).optional().describe("Plain words or phrases to flag, replacing the rule's own list."),
    allow: z.array(z.string()).optional().describe('Words or phrases never flagged.'),
  })
  .strict();

/**
 * Options every avoid-phrase rule reads from the config, for word lists users tune:
 * `terms` (plain words or phrases) replaces the rule's patterns, `allow` exempts words.
 * Values of the wrong type are ignored, so a config slip never stops the rule.
 */
function phraseOptions(patterns: Pattern[], anywhere: Pattern[], unlessScope: Phrasing['unlessScope']) {
  // One answer per distinct options: it is also the key under which candidates are remembered.
  const answers = new Map<string, Phrasing>();
  return (options: Readonly<Record<string, unknown>>) => {
    const terms = stringList(options.terms);
    const allowList = stringList(options.allow) ?? [];
    const key = JSON.stringify([terms, allowList]);
    let answer = answers.get(key);
    if (!answer) {
      const allow = allowList.map((a) => ` ${normalizeWords(a)} `);
      const allowed = (words: string) => allow.some((a) => ` ${normalizeWords(words)} `.includes(a));
      // A user's own `terms` replace the rule's word lists, those it reads anywhere included.
      // A statement read anywhere is spared only by what its own block says: its section is about something else.
      const outside: Phrasing | undefined = !terms && anywhere.length > 0 ? { key: memoKey(), phrases: anywhere, allowed, unlessScope: 'block' } : undefined;
      answer = { key: memoKey(), phrases: terms ? terms.map(plainPhrase) : patterns, allowed, unlessScope, anywhere: outside };
      answers.set(key, answer);
    }
    return answer;
  };
}

/** A list of strings with at least a letter or digit each, or undefined when the value is not a list of strings. */
function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  return value.filter((v) => /[\p{L}\p{N}]/u.test(v));
}

/** "best in class" matches "best-in-class" and "Best in  class"; regex characters are taken literally. */
function plainPhrase(phrase: string): Pattern {
  const words = phrase.split(/[\s-]+/).filter(Boolean);
  const body = words.map((w) => w.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('[\\s-]+');
  const edge = (char: string) => (/\w/.test(char) ? '\\b' : '');
  return Pattern.compile(`${edge(body[0])}${body}${edge(body[body.length - 1])}`);
}

function normalizeWords(words: string): string {
  return words.toLowerCase().split(/[\s-]+/).filter(Boolean).join(' ');
}

/**
 * What unlessFollowedBy and unlessPrecededBy see around a match: up to this many characters, cut
 * at white space. Reading the whole rest of the block for every match would be quadratic in a
 * long paragraph; the words these patterns look for sit close to the match.
 */
const CONTEXT_CHARS = 1000;

/** The text before `at`, from a word start at most CONTEXT_CHARS back. */
function before(text: string, at: number): string {
  if (at <= CONTEXT_CHARS) return text.slice(0, at);
  const space = text.slice(at - CONTEXT_CHARS, at).search(/\s/);
  return text.slice(space < 0 ? at : at - CONTEXT_CHARS + space + 1, at);
}

/** The text after `at`, up to a word end at most CONTEXT_CHARS on. */
function after(text: string, at: number): string {
  if (text.length - at <= CONTEXT_CHARS) return text.slice(at);
  const window = text.slice(at, at + CONTEXT_CHARS);
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
  return space < 0 ? window : window.slice(0, space);
}

/** "World-Class Manufacturing Award" is a name, "world-class service" is fluff. */
function isProperName(text: string, start: number, words: string): boolean {
  const capitalised = words.split(/[\s-]+/).every((w) => /^\p{Lu}/u.test(w));
  if (!capitalised) return false;
  const atSentenceStart = startsSentence(text, start);
  return !atSentenceStart || /^\s*\p{Lu}/u.test(text.slice(start + words.length).replace(/^[\s-]+/, '').slice(0, 1));
}

/** Whether offset `at` starts a sentence: nothing but white space before it, or . ! ? : and closing quotes (read backwards: the text can be long). */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (i < 0) return true;
  while (i >= 0 && `"'”’)`.includes(text[i])) i--;
  return i >= 0 && '.!?:'.includes(text[i]);
}
