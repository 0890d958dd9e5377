import { insertSectionFix } from '../../fixes/insert-section';
import type { Block, Plan, Section } from '../../plan/model';
import type { Range } from '../../plan/positions';
import { blockRange, isTitleSection, sectionsMatching, sentenceAt, someBlockOf, wordCount } from '../../plan/scope';
import { isUnfilled } from '../../plan/slots';
import { anyMatch, compileAll, type Match, type Pattern, type Terms } from '../../patterns/pattern';
import type { RulePeers } from '../compile';
import type { RuleDataOf } from '../schema';
import type { Assessment, Fix, Rule, RuleMeta } from '../types';
import { findEvidence } from './evidence';
import { planLevelRule } from '../plan-level';

/** The most words a heading that names a section's topic has ("What we must be great at to win"). */
const MAX_TOPIC_HEADING_WORDS = 7;

/**
 * A plan must address a principle: a section with one of the headings, or prose anywhere
 * that does the same job. One finding on the title when neither is there; one a level lower
 * when only a weak version is (an empty or unfilled section, evidence that an anti-pattern
 * undermines, or what the rule's `partly` readings describe).
 *
 * Evidence must be real: text that is still a template slot never counts, and a sentence another
 * rule flags as undermining this principle (`underminedBy`) is not evidence for it.
 */
export function requireSection(data: RuleDataOf<'require-section'>, meta: RuleMeta, terms: Terms, peers: RulePeers = () => []): Rule {
  const evidence = compileAll(data.evidence, terms);
  const appliesWhen = compileAll(data.appliesWhen, terms);
  const notApplicableWhen = compileAll(data.notApplicableWhen, terms);
  const notApplicableUnless = compileAll(data.notApplicableUnless, terms);
  const partlyReadings = (data.partly ?? []).map((p) => ({ when: compileAll(p.when, terms), message: p.message.trim() }));
  const goodLooksLike = `What good looks like: ${meta.description}`;
  let underminers: Rule[] | undefined;
  const undermining = () => (underminers ??= peers().filter((r) => data.underminedBy?.includes(r.meta.id) && r.flagged));

  /** Where the match lies in a sentence an undermining rule flags: the rule's id, else undefined. */
  const underminedAt = (plan: Plan, block: Block, at: number): string | undefined => {
    if (!data.underminedBy?.length) return undefined;
    const s = sentenceAt(block, at);
    for (const rule of undermining()) {
      if (flaggedIn(plan, block, rule)(s.start, s.end)) return rule.meta.id;
    }
    return undefined;
  };

  /** The first real evidence in the blocks, and the first that did not count and why. */
  const findReal = (plan: Plan, patterns: readonly Pattern[], blocks: readonly Block[] = plan.blocks) => {
    let weak: { range: Range; why: string } | undefined;
    for (const block of blocks) {
      if (!anyMatch(patterns, block.text)) continue;
      // A heading says what a section is about; it is evidence only with content under it.
      const blockWhy = isUnfilled(plan, block) ? 'unfilled' : block.kind === 'heading' && block.section.heading === block && !hasRealContent(plan, block.section) ? 'empty' : undefined;
      if (blockWhy) {
        // No match in this block counts: only the first (in pattern order) can be the weak one.
        for (const p of weak ? [] : patterns) {
          const m = p.firstMatch(block.text);
          if (m) {
            weak = { range: blockRange(plan, block, m.start, m.end), why: blockWhy };
            break;
          }
        }
        continue;
      }
      for (const p of patterns) {
        for (const m of p.eachMatch(block.text)) {
          const range = blockRange(plan, block, m.start, m.end);
          const by = underminedAt(plan, block, m.start);
          if (by) {
            weak ??= { range, why: by };
            continue;
          }
          return { range, weak };
        }
      }
    }
    return { range: undefined, weak };
  };

  const assess = (plan: Plan): Assessment => {
    if (appliesWhen.length > 0 && !findEvidence(plan, appliesWhen)) {
      return { status: 'n/a', message: 'Not applicable: the plan never mentions the context this principle is about.' };
    }
    const sections = topicSections(plan);
    const filledSection = sections.find((s) => hasRealContent(plan, s));
    const section = filledSection ?? sections[0];
    // Evidence in prose is looked for only when a section does not settle it: a scan of every block.
    let found: ReturnType<typeof findReal> | undefined;
    const prose = () => (found ??= findReal(plan, evidence));
    if (section) {
      const heading = plan.lines.range(section.heading!.start, section.heading!.end);
      const filled = !!filledSection;
      if (filled && (wordCount(plan, section) >= data.minWords || section.children.length > 0)) return { status: 'addressed', evidence: heading };
      const at = prose().range;
      if (at) return { status: 'addressed', evidence: at };
      const title = section.title.trim();
      if (!filled) {
        const empty = !someBlockOf(plan, section, (b) => b !== section.heading);
        return {
          status: 'partly',
          evidence: heading,
          message: empty
            ? `This plan has a "${title}" heading with nothing under it. ${goodLooksLike}`
            : `The "${title}" section is still a template, not filled in: its placeholders, TBDs or prompts say nothing yet. ${goodLooksLike}`,
        };
      }
      return { status: 'partly', evidence: heading, message: `The "${title}" section is too short to say much. ${goodLooksLike}` };
    }
    const { range, weak } = prose();
    if (range) return { status: 'addressed', evidence: range };
    if (notApplicableWhen.length > 0) {
      const na = findEvidence(plan, notApplicableWhen);
      if (na && !findEvidence(plan, notApplicableUnless)) return { status: 'n/a', evidence: na, message: 'Not applicable: by what the plan says, its users cannot turn to another provider.' };
    }
    if (weak) {
      const why =
        weak.why === 'unfilled'
          ? 'The only place this plan touches it is template text, not filled in (a placeholder, TBD or prompt).'
          : weak.why === 'empty'
            ? 'The only place this plan touches it is a heading with nothing under it.'
            : `The only place this plan touches it is a sentence flagged as ${weak.why}, which undermines it.`;
      return { status: 'partly', evidence: weak.range, message: `${why} ${goodLooksLike}` };
    }
    for (const reading of partlyReadings) {
      const at = findReal(plan, reading.when).range;
      if (at) return { status: 'partly', evidence: at, message: `${reading.message} ${goodLooksLike}` };
    }
    return { status: 'missing' };
  };

  /** Fills a matching section that has only its heading with the template's body. */
  const fillSection = (plan: Plan): Fix | undefined => {
    if (!meta.fix) return undefined;
    const section = topicSections(plan)[0];
    if (!section?.heading || someBlockOf(plan, section, (b) => b !== section.heading)) return undefined;
    const body = meta.fix.template.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').slice(1);
    while (body.length > 0 && body[0].trim() === '') body.shift();
    if (body.length === 0) return undefined;
    const eol = plan.lines.eol;
    const headingEnd = plan.lines.position(section.heading.end);
    const at = { line: headingEnd.line, character: plan.lines.lineText(headingEnd.line).length };
    return { title: `Fill in the "${section.title.trim()}" section`, edits: [{ range: { start: at, end: at }, newText: eol + eol + body.join(eol) }], isPreferred: true };
  };

  // A section under one of the rule's headings is the place to work: fill it when empty, never add a second one.
  return planLevelRule(meta, assess, (plan) => (topicSections(plan).length > 0 ? fillSection(plan) : meta.fix && insertSectionFix(plan, meta.fix)));

  /**
   * A heading names the section's topic when it is short: a headline sentence that mentions the
   * topic on the way ("Code Insights layers together the Sourcegraph feature ecosystem") is a claim,
   * and its section counts only through what it says.
   */
  function topicSections(plan: Plan): Section[] {
    return sectionsMatching(plan, data.headings).filter((s) => s.normalized.split(' ').length <= MAX_TOPIC_HEADING_WORDS && !isTitleSection(plan, s));
  }

  function hasRealContent(plan: Plan, section: Section): boolean {
    return someBlockOf(plan, section, (b) => b !== section.heading && b.kind !== 'heading' && !isUnfilled(plan, b));
  }
}

/**
 * Whether the rule flags something in the block that overlaps [start, end): worked out once per
 * block and rule, as every match of a long paragraph asks (each ask located the rule's matches
 * in the whole block again).
 */
function flaggedIn(plan: Plan, block: Block, rule: Rule): (start: number, end: number) => boolean {
  let byRule = overlapsIn.get(block);
  if (!byRule) overlapsIn.set(block, (byRule = new Map()));
  let overlaps = byRule.get(rule);
  if (!overlaps) byRule.set(rule, (overlaps = overlapsOf(rule.flagged!(plan, block))));
  return overlaps;
}

const overlapsIn = new WeakMap<Block, Map<Rule, (start: number, end: number) => boolean>>();

/** Whether a span overlaps one of the matches: the matches by start, with the furthest end up to each, and a binary search. */
function overlapsOf(matches: readonly Match[]): (start: number, end: number) => boolean {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const furthest: number[] = [];
  for (const m of sorted) furthest.push(Math.max(m.end, furthest.at(-1) ?? m.end));
  return (start, end) => {
    // The matches that start before `end`, then whether one of them ends after `start`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthest[lo - 1] > start;
  };
}
