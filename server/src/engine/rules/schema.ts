import { z } from 'zod';

/** The data shape of a rule in a pack (YAML or JSON). Built-in rules use the same shape. */
const id = z.string().regex(/^[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)?$/, 'lower-case words joined by "-", optionally "pack/rule"');
const patterns = z.array(z.string().min(1)).min(1);
const aliases = z.array(z.string().min(1)).min(1);
export const severitySchema = z.enum(['error', 'warning', 'info']);

export const fixSchema = z
  .object({
    title: z.string().min(1),
    template: z.string().min(1),
    /** require-section: insert after the first section whose heading matches one of these. */
    after: aliases.optional(),
    /**
     * span rules: what the template does with the words found — replaces them or their sentence,
     * is appended to their sentence or block, or is inserted after the block as its next list
     * item, table row or paragraph (insert-after).
     */
    action: z.enum(['replace-match', 'replace-sentence', 'append-sentence', 'append-block', 'insert-after', 'insert-section']).optional(),
  })
  .strict();

const base = {
  id,
  severity: severitySchema,
  source: z.string().default(''),
  description: z.string().min(1),
  message: z.string().min(1),
  principle: z.string().default(''),
  example: z.object({ weak: z.string(), strong: z.string() }).strict().optional(),
  /** A URL, or a path relative to the pack file, of the rule's documentation page. */
  docs: z.string().optional(),
  fix: fixSchema.optional(),
  /** false: an opt-in rule, off until a config turns it on (stratlint:strict and stratlint:all do for built-ins). */
  recommended: z.boolean().default(true),
};

const requireSection = z
  .object({
    ...base,
    kind: z.literal('require-section'),
    /**
     * The principle applies only to plans that mention one of these (e.g. customers or rivals for
     * right-to-win); in other plans the rule stays silent and the scorecard shows "not applicable".
     */
    appliesWhen: patterns.optional(),
    /**
     * The principle does not apply to plans that say one of these (e.g. a provider obliged to serve
     * everyone entitled, whose users cannot pick another): the scorecard shows "not applicable".
     */
    notApplicableWhen: patterns.optional(),
    /**
     * `notApplicableWhen` holds only in plans that say none of these (a plan about public services
     * that still frames a choice of provider, "choose to use", "competitors", is one the principle fits).
     */
    notApplicableUnless: patterns.optional(),
    headings: aliases,
    /** Prose anywhere in the plan that does the section's job. */
    evidence: patterns.optional(),
    /** A matching section with fewer words than this counts as "partly" in the scorecard. */
    minWords: z.number().int().min(0).default(12),
    /**
     * Span rules whose findings undermine this principle (e.g. experience-as-moat for right-to-win):
     * a sentence one of them flags is never the evidence that the principle is addressed.
     */
    underminedBy: z.array(z.string()).optional(),
    /**
     * A weak version of the principle: when the plan has no evidence but says one of these, it is
     * partly addressed, with this message saying what is missing ("names its users but chooses no segment").
     */
    partly: z.array(z.object({ when: patterns, message: z.string() }).strict()).optional(),
  })
  .strict();

const scopeEnum = z.enum(['sentence', 'block', 'section', 'plan']);

/**
 * Words to avoid. Besides this data, every avoid-phrase rule reads two options from the
 * config: `terms` (plain words or phrases, replacing `patterns`) and `allow` (words exempted).
 */
const avoidPhrase = z
  .object({
    ...base,
    kind: z.literal('avoid-phrase'),
    patterns: patterns.optional(),
    /**
     * Phrases to flag, each with its own rewrite (Vale's substitution): `best-in-class: leading`.
     * The quick fix and --fix replace the words found with the rewrite of the phrase they are.
     */
    replace: z.record(z.string().regex(/[\p{L}\p{N}]/u, 'a phrase with a letter or digit'), z.string().min(1)).optional(),
    /** No finding when one of these appears in the same `unlessScope`. */
    unless: patterns.optional(),
    unlessScope: scopeEnum.default('block'),
    /** No finding when the text right after (or before) the match starts (or ends) with one of these. */
    unlessFollowedBy: patterns.optional(),
    unlessPrecededBy: patterns.optional(),
    /** Only look in sections with these headings … */
    inSections: aliases.optional(),
    /** … or in blocks labelled like this (`KR: …`). */
    inLabels: aliases.optional(),
    /** Patterns that fire outside those sections and labels too: statements that make the phrase the plan's aim wherever they stand ("More devs using our product is the key"). */
    anywhere: patterns.optional(),
    /** Never look in sections with these headings, even inside an `inSections` one (e.g. "Non-goals" under "Goals"). */
    exceptSections: aliases.optional(),
    /** Leave list items nested under another item alone (the how and who of a goal); labelled lines are still read. */
    skipNestedItems: z.boolean().default(false),
    /** Leave words inside quotation marks and block quotes alone. */
    skipQuoted: z.boolean().default(false),
    /** Leave Capitalised Names (not at a sentence start) alone. */
    skipProperNames: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.patterns || (r.replace && Object.keys(r.replace).length > 0), { message: 'give "patterns", "replace" or both' });

const evidenceCheck = z.object({ trigger: patterns, evidence: patterns, message: z.string().optional() }).strict();

const requireEvidence = z
  .object({
    ...base,
    kind: z.literal('require-evidence'),
    trigger: patterns.optional(),
    evidence: patterns.optional(),
    /** Several trigger→evidence pairs, each with its own message. */
    checks: z.array(evidenceCheck).min(1).optional(),
    scope: scopeEnum.default('block'),
    /** trigger: a finding on the trigger words; title: one plan-level finding on the title. */
    report: z.enum(['trigger', 'title']).default('trigger'),
    /**
     * Title reports only: the principle applies to every plan, not only to those that say a
     * trigger; a plan with neither trigger nor evidence is missing it, with this message.
     */
    whenSilent: z.string().optional(),
    /**
     * Title reports only: a weak version of the practice (a beta without a learning goal). When the
     * plan has no evidence but says one of these, the principle is partly addressed, with this message.
     */
    partly: z.array(z.object({ when: patterns, message: z.string() }).strict()).optional(),
    /** Title reports only: a plan with no trigger whose title says one of these (a go-to-market plan) is not applicable, even with `whenSilent`. */
    notApplicableWhenTitled: patterns.optional(),
  })
  .strict()
  .refine((r) => (r.checks ? !r.trigger && !r.evidence : r.trigger && r.evidence), {
    message: 'give either "trigger" and "evidence", or "checks"',
  });

const sectionContent = z
  .object({
    ...base,
    kind: z.literal('section-content'),
    sections: aliases,
    /** One of these must appear in the section. */
    require: patterns.optional(),
    /** At least this many list items or table rows. */
    minItems: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((r) => r.require || r.minItems, { message: 'give "require" patterns or "minItems"' });

const metric = z
  .object({
    ...base,
    kind: z.literal('metric'),
    /** List items and table rows in these sections are metrics (not titles grouping nested items, nor details nested under a measured one) … */
    sections: aliases.optional(),
    /** … and so are lines labelled like this anywhere (`Outcome: …`). */
    labels: aliases.optional(),
    /** Whether unlabelled paragraphs in `sections` are metrics too; they usually explain the metrics instead. */
    paragraphs: z.boolean().default(false),
    /** Lines that are not metrics even there (e.g. objectives under OKRs). */
    ignore: patterns.optional(),
    requireNumber: z.boolean().default(true),
    requireDate: z.boolean().default(true),
  })
  .strict()
  .refine((r) => r.sections || r.labels, { message: 'give "sections" or "labels"' });

/**
 * Goals read whole (plan/goals.ts): lists under goal headings or after a lead-in that announces
 * goals, labelled lines, goal columns of tables. `deliverables` flags goals that are work to
 * finish; `unmeasured` flags aims with no number. The vocabulary is the terms deliverable-verb,
 * aim-verb, aim-object, done, artifact, change-word and result-stated; where goals are, goal-heading,
 * not-goal-heading, goal-lead-in, not-goal-lead-in, goal-label, goal-column and goal-sentence, unless `goals` says otherwise.
 */
const goalList = z
  .object({
    ...base,
    kind: z.literal('goal-list'),
    report: z.enum(['deliverables', 'unmeasured']),
    goals: z
      .object({
        headings: aliases.optional(),
        exceptHeadings: aliases.optional(),
        leadIns: patterns.optional(),
        notLeadIns: patterns.optional(),
        labels: aliases.optional(),
        columns: patterns.optional(),
        sentences: patterns.optional(),
        intents: patterns.optional(),
      })
      .strict()
      .optional(),
    /** Goals never flagged when one of these appears in them. */
    unless: patterns.optional(),
    /**
     * Words that state the result a deliverable must bring its people ("… so that clinics can book
     * online"): `deliverables` spares such a goal, `unmeasured` reads it as a result that needs a
     * number. The term result-stated unless given.
     */
    resultStated: patterns.optional(),
    /** The message of a finding over several goals of a list; `{count}` is their number. */
    listMessage: z.string().min(1).optional(),
  })
  .strict();

const code = z
  .object({
    ...base,
    kind: z.literal('code'),
    scope: z.enum(['plan', 'span']),
  })
  .strict();

export const ruleSchema = z.discriminatedUnion('kind', [requireSection, avoidPhrase, requireEvidence, sectionContent, metric, goalList, code]);
export type RuleData = z.infer<typeof ruleSchema>;
export type RuleDataOf<K extends RuleData['kind']> = Extract<RuleData, { kind: K }>;

export const termsSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string().min(1)).min(1));

export const packSchema = z
  .object({
    terms: termsSchema.optional(),
    rules: z.array(ruleSchema),
  })
  .strict();
export type PackData = z.infer<typeof packSchema>;
