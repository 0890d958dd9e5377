import { goalItems, type GoalContext, type GoalItem } from '../../plan/goals';
import { hasNumber } from '../../plan/measures';
import { docOffsetOf, type Plan } from '../../plan/model';
import { blockRange } from '../../plan/scope';
import { splitSentences } from '../../plan/sentences';
import { SLOT } from '../../plan/slots';
import { memoKey, remember } from '../../patterns/memo';
import { anyMatch, compileAll, Pattern, type Terms } from '../../patterns/pattern';
import type { RuleDataOf } from '../schema';
import type { Fix, Related, Rule, RuleMeta } from '../types';

/** What a goal's words say it is: a change someone should see, a piece of work to finish, or a change with its result stated. */
/** `checkable`: a result that is there or not, like a capability its users gain ("so that users can share a search"): nothing to count. */
export type GoalShape = 'aim' | 'deliverable' | 'result' | 'checkable' | 'unclear';

/**
 * Goals read as a reviewer reads them (plan/goals.ts finds them): `report: deliverables` flags
 * goals that are work to finish, `report: unmeasured` flags aims with no number to track. One
 * finding per list, covering the goals it flags, each listed as related information; a goal
 * alone gets a finding of its own.
 */
export function goalList(data: RuleDataOf<'goal-list'>, meta: RuleMeta, terms: Terms): Rule {
  const ctx = data.goals ? goalContext(data.goals, terms) : defaultGoalContext(terms);
  const shape = sharedShapeReader(terms);
  const unless = compileAll(data.unless, terms);
  const resultStated = compileAll(data.resultStated ?? ['{result-stated}'], terms);
  const key = memoKey();
  const flaggedWords = (item: GoalItem): boolean =>
    remember(key, item.text, () => {
      if (SLOT.test(item.text) || item.text.trimEnd().endsWith('?') || anyMatch(unless, item.text)) return false;
      const s = shape(item.text);
      // "Build a test suite feature, making it easier for users to run tests": the work with the result it must bring.
      const withResult = s === 'deliverable' && anyMatch(resultStated, item.text) && !FOR_OWN_TEAM.test(item.text);
      if (data.report === 'deliverables') return s === 'deliverable' && !withResult;
      return (s === 'aim' || s === 'result' || withResult) && !hasTarget(item.text) && !SERVICE_LEVEL.test(item.text);
    });
  // A goal is read with its key results: a number in its section (a goal heading) or in the items nested under it counts.
  const flagged = (plan: Plan, item: GoalItem): boolean =>
    flaggedWords(item) && !(data.report === 'unmeasured' && (item.measure || (item.below && measuredIn(plan, item.below))));
  // A goal written as a title and then its story ("**More resource pools**. Now we have two pools of
  // servers …"): counts in the story describe today; only the title and sentences that ask a change can set its target.
  const targetCue = compileAll(['\\b(?:{change-word}|{improve}|target|goal|aim|reach|by\\s+(?:the\\s+)?end)\\b|%'], terms);
  const hasTarget = (text: string): boolean => {
    if (!hasNumber(text) || TARGET_LEFT_OPEN.test(text)) return false;
    const sentences = splitSentences(text);
    if (sentences.length < 3) return true;
    return hasNumber(
      sentences
        .filter((sn, i) => i === 0 || anyMatch(targetCue, text.slice(sn.start, sn.end)))
        .map((sn) => text.slice(sn.start, sn.end))
        .join(' '),
    );
  };
  const listMessage = data.listMessage?.trim() ?? `{count} goals in this list: ${meta.message}`;
  const itemMessage = data.report === 'deliverables' ? 'A deliverable, not a result' : 'Nothing to track: no number, baseline or target';
  return {
    meta,
    check(ctx2) {
      const { plan } = ctx2;
      const lists = new Map<number, GoalItem[]>();
      // An unmeasured goal heading and the vague items in its section are one finding: they are its key results, read with it.
      let heading: GoalItem | undefined;
      for (const item of goalItems(plan, ctx)) {
        if (!flagged(plan, item)) continue;
        const below = heading?.below;
        const inHeading = data.report === 'unmeasured' && below && item.block.index >= below.from && item.block.index < below.to;
        if (!inHeading) heading = item.block.kind === 'heading' ? item : undefined;
        const key = inHeading ? heading!.list : item.list;
        const list = lists.get(key);
        if (list) list.push(item);
        else lists.set(key, [item]);
      }
      for (const items of lists.values()) {
        const ranges = items.map((i) => blockRange(plan, i.block, i.start, i.end));
        const range = { start: ranges[0].start, end: ranges[ranges.length - 1].end };
        const related: Related[] | undefined =
          items.length === 1 ? undefined : items.map((i, n) => ({ range: ranges[n], message: `${itemMessage}: "${excerpt(i.text)}"` }));
        const message = items.length === 1 ? meta.message : listMessage.replace(/\{count\}/g, String(items.length));
        const fix = meta.fix && appendToEach(plan, items, meta.fix.title, meta.fix.template);
        ctx2.report({ range, message, related, fixes: fix ? [fix] : [] });
      }
    },
  };
}

type GoalsData = NonNullable<RuleDataOf<'goal-list'>['goals']>;

function goalContext(goals: GoalsData, terms: Terms): GoalContext {
  return {
    headings: goals.headings ?? terms['goal-heading'] ?? [],
    exceptHeadings: goals.exceptHeadings ?? terms['not-goal-heading'] ?? [],
    leadIns: compileAll(goals.leadIns ?? ['{goal-lead-in}'], terms),
    notLeadIns: compileAll(goals.notLeadIns ?? ['{not-goal-lead-in}'], terms),
    labels: goals.labels ?? terms['goal-label'] ?? [],
    columns: compileAll(goals.columns ?? ['^\\s*(?:{goal-column})\\b'], terms),
    sentences: compileAll(goals.sentences ?? ['{goal-sentence}'], terms),
    intents: compileAll(goals.intents ?? ['{goal-intent}'], terms),
  };
}

/** Rules that read goals the built-in way share one context, so a plan's goals are found once for all of them. */
const defaultContexts = new WeakMap<Terms, GoalContext>();
export function defaultGoalContext(terms: Terms): GoalContext {
  let ctx = defaultContexts.get(terms);
  if (!ctx) defaultContexts.set(terms, (ctx = goalContext({}, terms)));
  return ctx;
}

/**
 * One shape reader per terms, its answers remembered per text: the goal-list rules read the same
 * goals' shapes (unmeasurable-outcome and output-as-outcome each read every goal of a plan).
 */
const shapeReaders = new WeakMap<Terms, (text: string) => GoalShape>();
function sharedShapeReader(terms: Terms): (text: string) => GoalShape {
  let reader = shapeReaders.get(terms);
  if (!reader) {
    const read = shapeReader(terms);
    const key = memoKey();
    shapeReaders.set(terms, (reader = (text) => remember(key, text, () => read(text))));
  }
  return reader;
}

/** How a goal's words read, from the vocabulary in terms.yaml (deliverable-verb, aim-verb, done, artifact, change-word). */
function shapeReader(terms: Terms): (text: string) => GoalShape {
  const re = (source: string) => Pattern.compile(source, terms);
  // What may come before the verb: "For 2 use cases, deliver …", "Goal is to release …", "Successfully integrate …", "Work with our sponsor to establish …", "Dev to start work on chat", "Members of the CTO office must submit …".
  const lead =
    '^(?:(?:for|in|by|with|across|on)\\s[^,]{1,60},\\s*)?(?:(?:this\\s+(?:quarter|year|half)\\s+)?(?:the\\s+|our\\s+)?(?:main\\s+)?goal\\s+(?:is|was|will\\s+be)\\s+to\\s+|we\\s+(?:are\\s+aiming|aim|are\\s+planning|plan|intend|want)\\s+(?:in\\s+general\\s+)?(?:to|at)\\s+(?:have\\s+)?)?(?:work\\s+(?:together\\s+|closely\\s+)?with\\s+[^,.;]{1,60}?\\s+to\\s+)?(?:(?:the\\s+)?(?:[\\pL-]+\\s+){0,2}?(?:team|group|board|committee|staff|leadership|foundation|we|devs?|developers?|engineers?|maintainers?)\\s+(?:will|shall|to)\\s+|(?:each\\s+|all\\s+)?members?\\s+of\\s+(?:the\\s+)?(?:[\\pL-]+\\s+){1,3}?(?:must|will|shall|are\\s+expected\\s+to)\\s+)?(?:(?:successfully|fully|formally|publicly|officially|first|intentionally|actively|proactively|jointly|completely)\\s+)?';
  // The result for the people served, in the same goal: "… so that finance teams close the month in 3 days".
  const result = re(
    '\\bso\\s+that\\s+(?:\\S+\\s+){0,3}?{customer}\\b|\\b(?:help|helps|helping|let|lets|enable|enables|allow|allows)\\s+(?:our\\s+|the\\s+|all\\s+)?{customer}\\b|' +
      // "… to relieve self-management burden": a burden lifted off the people served.
      '\\bto\\s+(?:relieve|ease|lift|remove|eliminate)\\s+(?:the\\s+|their\\s+)?(?:[\\pL-]+\\s+){0,2}?(?:burden|toil|friction|pain|hassle)\\b|' +
      // "Self-service tool: no need for wait times on the phone": what the people served no longer have to do.
      '\\bno\\s+(?:more\\s+|longer\\s+(?:any\\s+)?)?need\\s+(?:for|to)\\b',
  );
  // "Release cadence stays monthly", "Launch-to-first-value time": the verb names a measure, not work.
  const deliverable = re(`${lead}(?:{deliverable-verb})\\b`);
  // "Definition of the life cycle and a guideline", "An automated verification of every release", "Being
  // able to promote files as artifacts": the work named as a noun, or the team's new ability.
  const namedWork = re('^(?:an?\\s+|the\\s+)?(?:[\\pL-]+\\s+){0,2}?(?:definition|description|implementation|creation|publication|documentation|launch|delivery|migration|introduction|establishment|development|automation|verification|roll-?out|deployment|completion|demonstration)\\s+of\\b|^being\\s+able\\s+to\\b');
  // "A communications plan will be developed by Q1": the same work, in the passive.
  const madePassive = re('^(?:an?|the|our)\\s+(?:[\\pL-]+\\s+){0,5}?(?:will|shall)\\s+be\\s+(?:developed|created|published|established|built|launched|written|delivered|implemented|completed|finali[sz]ed|released|defined|designed|drafted|shared|set\\s+up|introduced|produced|rolled\\s+out|held)\\b');
  // "(The major goal for it is to) be released into the app store": work done, said as what the thing is to undergo.
  const beDone = re('^be\\s+(?:{done})\\b');
  const verbAsNoun = re(`${lead}(?:{deliverable-verb})[\\s-]+(?:\\S+[\\s-]+){0,3}?(?:{measure-noun})\\b`);
  // "Deliver a great experience", "Build trust", "Build regional and local capacity", "Building and nurturing a thriving community": aims worded as work.
  const aimAsWork = re(`${lead}(?:{deliverable-verb})\\s+(?:and\\s+[\\pL-]+\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:[\\pL-]+,?\\s+(?:and\\s+|&\\s+)?){0,3}?(?:{aim-object})(?:\\s*$|\\s*[,.;:]|\\s+(?:with|among|for|in|across|of|between|to|that|which|enabling|allowing|where)\\b)`);
  // "Recruit and engage more contributors", "Onboard more clinics": more of the people served is a change in who is served, not work.
  const morePeople = re(`${lead}(?:{deliverable-verb})\\s+(?:and\\s+[\\pL-]+\\s+)?more\\s+(?:[\\pL-]+\\s+){0,2}?{customer}\\b`);
  // "Establish social media as home of high school hacking", "position X as the default": a standing sought, not work.
  const positioning = re(`${lead}(?:establish|position|cement|make)\\s+(?:[\\pL\\pN'’-]+\\s+){1,5}?as\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+)?(?:[\\pL-]+\\s+){0,2}?(?:home|leader|standard|default|go-to|choice|hub|region|destination|reference|place|source)\\b`);
  const aim = re(`${lead}(?:{aim-verb})\\b`);
  const done = re('\\b(?:{done})\\b');
  // "Add 25 features to the roadmap", "from 3 to 5 languages": a count of what the team makes is output, however it is worded.
  const outputCount = re('\\b\\d+\\s+(?:(?:more|new|additional|extra|further)\\s+)?(?:[\\pL-]+\\s+){0,2}?(?:{output-noun})\\b');
  // … unless the people served come first ("Customers use 3 features weekly") or the things are counted by their use ("5 integrations used by 40% of clinics").
  const served = re('\\b{customer}\\b');
  const usedBy = re('^\\s*(?:[\\pL-]+\\s+){0,3}?(?:used|adopted|installed|chosen)\\s+by\\b');
  const countsOutput = (text: string): boolean => {
    const m = outputCount.matches(text)[0];
    return !!m && !served.test(text.slice(0, m.start)) && !usedBy.test(text.slice(m.end));
  };
  // A named thing: the noun ends the goal or is followed by what qualifies it, not by a verb ("Demand programs generate …").
  const artifact = re(
    "^(?:(?:a|an|the|our|new|\\d+)\\s+)?(?:[\\pL\\pN\"“”'’/+.,&-]+\\s+){0,5}?(?:{artifact})(?:\\s*$|\\s*[,(:;–—+&/-]|\\s+(?:for|of|to|that|which|with|in|on|and|tied|across|from|by|at|covering|evaluating|measuring|tracking|showing|listing|describing|documenting|where|is|are|prepared|provided|produced|published|delivered|developed|completed|written|drafted|agreed)\\b)",
  );
  const owns = re('^having\\s|\\b(?:has|have)\\s+(?:an?|its|their)\\s+(?:[\\pL-]+\\s+){0,3}(?:{artifact})\\b');
  // … said by the team, not quoted from a user ("from 'I have a proof of concept running' …").
  const ownsThing = (text: string): boolean => {
    const m = owns.firstMatch(text);
    return !!m && !/\bI\s+$/.test(text.slice(0, m.start));
  };
  const change = re('\\b(?:{change-word})\\b');
  // A short label with none of these names a topic ("Marine", "Donut charts"), not a change asked for; a placeholder ("KR: TBD") still gives nothing to track.
  const asksChange = re('\\b(?:{change-word}|{improve}|{aim-verb}|tbd|tbc|coming\\s+soon)\\b');
  // "… so that users can share a search": an ability the people served gain, there or not ("so that tests can collect data" serves the team).
  const gainedAbility = re('\\bso\\s+that\\s+(?:\\S+\\s+){0,3}?{customer}\\s+(?:can|are\\s+able\\s+to|is\\s+able\\s+to)\\s+\\pL');
  // "Users can filter results by date": a feature to ship, checked off once built, unless it asks for a change ("can onboard faster").
  const capability = re('^(?:(?:all|every|each|the|our)\\s+)?(?:[\\pL-]+\\s+){1,2}?(?:can|are\\s+able\\s+to|is\\s+able\\s+to)\\s+\\pL');
  /** A thing to make, named without a change ("Faster onboarding" is a change) or an amount ("Source 30 leads in pipeline" is a target; a date is no amount). */
  const named = (text: string): boolean => {
    const m = artifact.firstMatch(text);
    return !!m && !change.test(text.slice(0, m.end)) && !hasNumber(text) && !QUALITY_STATE.test(text);
  };
  const read = (raw: string): GoalShape => {
    // "full time" is how much of someone a hire is, not a time to measure ("Add 1 full time developer").
    const text = raw.replace(/\b(full|part)[\s-]time\b/gi, '$1time');
    if (DOCUMENT_PURPOSE.test(text) || OPEN_QUESTION.test(text) || STATUS_NOTE.test(text)) return 'unclear';
    // Work whose purpose is the team's own ("so that the CEJST team can decide") is output, however it is worded.
    if (FOR_OWN_TEAM.test(text)) return 'deliverable';
    if (gainedAbility.test(text) && !change.test(text)) return 'checkable';
    if (result.test(text)) return 'result';
    if (countsOutput(text)) return 'deliverable';
    if ((deliverable.test(text) || madePassive.test(text) || beDone.test(text) || (namedWork.test(text) && !aim.test(text))) && !aimAsWork.test(text) && !morePeople.test(text) && !positioning.test(text) && !verbAsNoun.test(text)) return 'deliverable';
    if (aim.test(text) || aimAsWork.test(text) || morePeople.test(text) || positioning.test(text)) return 'aim';
    // A state reached ("up and running") is work done, unless the goal asks a change in it ("get more people … up and running faster").
    if ((done.test(text) && !MORE_OR_SOONER.test(text) && !RATE.test(text)) || (ownsThing(text) && !FAIR_OR_SIMPLE.test(text)) || named(text)) return 'deliverable';
    if (capability.test(text) && !PRONOUN_SUBJECT.test(text) && !change.test(text) && !EASE.test(text) && !hasNumber(text)) return 'deliverable';
    return TOPIC.test(text) && !asksChange.test(text) ? 'unclear' : 'aim';
  };
  // "API documentation [COMMITTED]: Create documentation for every endpoint": a goal's name, then the work it stands for.
  return (text) => {
    const shape = read(text);
    const named = shape === 'aim' ? GOAL_NAME.exec(text) : null;
    return named && read(text.slice(named[0].length)) === 'deliverable' ? 'deliverable' : shape;
  };
}

/** A short name ending in ":" or set off by a dash before the goal's words, which run on for a few words more. */
const GOAL_NAME = /^[^:.;!?]{2,60}?(?::|\s[-–—])\s+(?=(?:\S+\s+){2}\S)/;

/** Whether any of the blocks names a quantity. */
function measuredIn(plan: Plan, { from, to }: NonNullable<GoalItem['below']>): boolean {
  for (let i = from; i < to; i++) if (hasNumber(plan.blocks[i].text)) return true;
  return false;
}

/** "Resolve all critical alerts within 7 days": a time every case must meet is a target, not a deadline. */
const SERVICE_LEVEL = /\b(?:all|every|each|any)\b[^.;]{0,80}?\bwithin\s+(?:\d+|one|two|three|four|five|seven|ten|fourteen|thirty)\s+(?:minutes?|hours?|(?:business\s+|working\s+)?days?|weeks?)\b/i;

/** What a document is for, not what its plan is for: "(The goal of the roadmap is to) lay out a vision for …". */
const DOCUMENT_PURPOSE = /^(?:lay\s+out|set\s+out|describe|outline|explain|summari[sz]e|give\s+an?\s+overview|provide\s+an?\s+overview|document\s+(?:how|what|why|the\s+(?:process|decision))|capture\s+(?:how|what|why))\b/i;

/** "Consider metric collection via user surveys", "Research how stateless clients could evolve": a question to look into, neither a change nor work to deliver. */
const OPEN_QUESTION = /^(?:consider|research|look\s+into|think\s+about|answer|perform\s+(?:some\s+)?research|do\s+(?:some\s+)?research)\b/i;

/** Up to four words and nothing else: a name, not a sentence ("Partnering with other communities" is work being done). */
const TOPIC = /^\W*(?![\p{L}-]+ing\b)[\p{L}\p{N}/&().,-]+(?:\s+[\p{L}\p{N}/&().,-]+){0,3}\s*$/u;

/** A change asked in how many reach a state, or how soon: "get more people … up and running faster". */
const MORE_OR_SOONER = /\b(?:more|fewer|faster|sooner|quicker|earlier)\b/i;

/** "… so that the CEJST team can decide", "Enabling the development team to review …", "so that it's obvious to developers working on the tool": the plan's own team served, not its customers. */
const FOR_OWN_TEAM = /\b(?:[Ss]o\s+that|[Ee]nabl(?:e|es|ing))\b[^.;]{0,40}?\b(?:(?:our|the)\s+(?:\p{Lu}[\p{L}\d-]*\s+)?(?:(?:development|dev|core|engineering|product|project|delivery)\s+)?team\b|(?:developers|engineers|maintainers)\s+working\s+on\s+(?:the|our|this)\b)/u;

/** "… per club member", "averaged over all clubs": a done word inside a rate names a measure ("one project shipped per member"), not work done. */
const RATE = /\bper\s+(?:[\p{L}-]+\s+){0,2}?\p{L}+|\baveraged?\s+(?:over|across)\b/iu;

/** "Users are able to easily use Status as a browser": an ability with the ease it must have is a result for them, not a feature to tick off. */
const EASE = /\b(?:easily|quickly|confidently|independently|effortlessly|reliably|safely|securely|without\s+(?:help|assistance|calling|waiting))\b/i;

/** "Developers … have a simple and fair process to do so": what the people served have, judged by how it serves them. */
const FAIR_OR_SIMPLE = /\b(?:simple|clear|fair|easy|quick|painless|predictable|transparent)\s+(?:and\s+\p{L}+\s+)?(?:process|path|way|route|experience)\b/iu;

/** "(Websites and digital services) are accessible to all individuals": the state its users find the thing in, a result, not the thing made. */
const QUALITY_STATE = /\b(?:is|are)\s+(?:\w+\s+)?(?:accessible|usable|reliable|secure|intuitive|inclusive|easy|easier|consistent|trustworthy|trusted|fast|faster|affordable)\b/i;

/** "from 70 to [number we come up with here] by the end of 2026": the target left as a placeholder. */
const TARGET_LEFT_OPEN = /\b(?:to|of|at|by)\s+\[[^\]\n]{0,40}\b(?:number|target|amount|value|figure|percentage|tbd|tbc)\b[^\]\n]{0,40}\]/i;

/** "Migration path has not been finalized": a status note on work, not a goal. */
const STATUS_NOTE = /^\W*(?:[\p{L}-]+\s+){1,4}?(?:has|have|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?\p{L}+ed\b/iu;

/** "We can add value", "they can trust us": a commitment or a hope, not a feature. */
const PRONOUN_SUBJECT = /^\s*(?:we|they|it|you|i)\b/i;

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

/** The template appended to each goal (before its full stop when it continues the sentence). */
function appendToEach(plan: Plan, items: readonly GoalItem[], title: string, template: string): Fix {
  const edits = items.map((item) => {
    const text = item.block.text.slice(item.start, item.end).trimEnd();
    const stop = /[.!;]$/.test(text) ? 1 : 0;
    const at = docOffsetOf(item.block, item.start + text.length - stop - 1) + 1;
    const pos = plan.lines.position(at);
    return { range: { start: pos, end: pos }, newText: ` ${template.trim().replace(/[.]$/, '')}` };
  });
  return { title, isPreferred: true, edits };
}
