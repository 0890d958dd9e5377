/**
 * One fixed set of results every formatter's golden file is made from. The rules and findings
 * are written out here (not taken from the built-in catalog) so the golden files change only
 * when a formatter does. The input is chosen to exercise each format's corners: a plan-level
 * finding on the title, the same words flagged twice, multi-byte characters before a finding
 * (rdjson counts UTF-8 bytes), characters every format must escape (%, comma, colon, newline,
 * <, &, ", |, *), a file name with a space and a comma, a plan without findings, and a
 * comparison with an earlier state (new, unchanged and fixed findings; coverage before → after).
 */
import type { Finding, Fix, PrincipleScore, PrincipleStatus, RuleMeta, Scorecard, Severity } from '../../server/src/engine/index';
import { fingerprintFindings } from '../../server/src/cli/fingerprint';
import type { FileResult, FormatContext } from '../../server/src/cli/formatters/types';

const DOCS = 'https://stratlint.example/rules';

function rule(id: string, severity: Severity, scope: 'plan' | 'span', extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    kind: scope === 'plan' ? 'require-section' : 'avoid-phrase',
    severity,
    scope,
    source: 'CPV-1, CVC',
    description: `What ${id} checks, in one line.`,
    message: `The default message of ${id}.`,
    principle: `Why ${id} matters, in two sentences. It cites its source.`,
    docsUrl: `${DOCS}/${id}/`,
    ...extra,
  };
}

export const RULES = new Map<string, RuleMeta>(
  [
    rule('customer-outcomes', 'error', 'plan', { example: { weak: 'We will launch the dashboard in Q3.', strong: 'Finance teams close their month in 3 days instead of 8 by Q3 2027.' } }),
    rule('target-customers', 'error', 'plan', { source: 'S&-2' }),
    rule('buzzword-fluff', 'info', 'span', { source: 'CVC (Hamel), S&-3' }),
    rule('vague-target', 'warning', 'span'),
  ].map((r) => [r.id, r]),
);

export const CONTEXT: FormatContext = { color: false, rules: RULES, cwd: '/work/project', version: '1.2.3' };

/** A finding on the n-th occurrence (1-based) of `words` in `text`. */
export function at(text: string, words: string, ruleId: string, opts: { nth?: number; message?: string; fixes?: Fix[] } = {}): Finding {
  let offset = -1;
  for (let n = 0; n < (opts.nth ?? 1); n++) offset = text.indexOf(words, offset + 1);
  if (offset < 0) throw new Error(`"${words}" not in the fixture`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  const meta = RULES.get(ruleId)!;
  return {
    ruleId,
    severity: meta.severity,
    message: opts.message ?? meta.message,
    range: { start: { line, character }, end: { line, character: character + words.length } },
    source: meta.source,
    docsUrl: meta.docsUrl,
    fixes: opts.fixes ?? [],
  };
}

/** The finding with a fix that replaces its words. */
function replaceable(f: Finding, title: string, newText: string): Finding {
  return { ...f, fixes: [{ title, isPreferred: true, edits: [{ range: f.range, newText }] }] };
}

const GROWTH = `---
type: strategy
---
# Growth plan, FY27: 50% more clinics

Café owners ☕ and 🚀 teams get a world-class, seamless booking experience.

- Our world-class support answers in 2 hours.
- Target: "better" onboarding <soon> & more | all *round*.
`;

const growthFindings: Finding[] = [
  at(GROWTH, 'Growth plan, FY27: 50% more clinics', 'customer-outcomes', {
    fixes: [{ title: 'Insert a "Customer outcomes" section', isPreferred: true, edits: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '## Customer outcomes\n\n- **Outcome:** <who> <achieves what>.\n\n' }] }],
  }),
  replaceable(at(GROWTH, 'world-class', 'buzzword-fluff', { message: 'Say what "world-class" means: a number, a comparison or a customer result.' }), 'Replace with a measurable claim', 'rated 4.8/5 by clinics'),
  at(GROWTH, 'seamless', 'buzzword-fluff', { message: 'Say what "seamless" means: a number, a comparison or a customer result.' }),
  at(GROWTH, 'world-class', 'buzzword-fluff', { nth: 2, message: 'Say what "world-class" means: a number, a comparison or a customer result.' }),
  at(GROWTH, '"better" onboarding <soon> & more | all *round*', 'vague-target', {
    message: 'This target is 100% vague: say by how much, by when.\nExample: "onboarding in 2 days, down from 9, by Q3".',
  }),
];

const EAST = `# East region plan

- **Outcome:** clinics book a first patient within 2 days.
- We will be the world-class choice.
- Churn falls by a seamless 5%.
`;
const EAST_FILE = 'plans/q3, east region-plan.md';

const eastFindings: Finding[] = [
  at(EAST, 'East region plan', 'target-customers'),
  at(EAST, 'world-class', 'buzzword-fluff', { message: 'Say what "world-class" means.' }),
  at(EAST, 'seamless', 'buzzword-fluff', { message: 'Say what "seamless" means.' }),
];
const eastPrints = fingerprintFindings(EAST, eastFindings, RULES);

function scorecard(title: string, statuses: Record<string, PrincipleStatus>): Scorecard {
  const principles: PrincipleScore[] = Object.entries(statuses).map(([id, status]) => {
    const meta = RULES.get(id)!;
    const label = id === 'customer-outcomes' ? 'Customer outcomes' : 'Target customers';
    return { id, label, description: meta.description, source: meta.source, docsUrl: meta.docsUrl, status };
  });
  const counts: Record<PrincipleStatus, number> = { addressed: 0, partly: 0, missing: 0, 'n/a': 0, off: 0 };
  for (const p of principles) counts[p.status]++;
  return { title, principles, counts, coverage: 0, spanFindings: { total: 0, bySource: [] } };
}

export const RESULTS: FileResult[] = [
  { file: 'plans/growth-plan.md', text: GROWTH, findings: growthFindings, scorecard: scorecard('Growth plan', { 'customer-outcomes': 'missing', 'target-customers': 'partly' }) },
  {
    file: EAST_FILE,
    text: EAST,
    findings: eastFindings,
    scorecard: scorecard('East region plan', { 'customer-outcomes': 'addressed', 'target-customers': 'partly' }),
    before: {
      label: 'origin/main',
      scorecard: scorecard('East region plan', { 'customer-outcomes': 'missing', 'target-customers': 'missing' }),
      // The title finding and "world-class" were there before; "seamless" is new; one finding was fixed.
      fingerprints: new Set([eastPrints[0], eastPrints[1]]),
      fixed: [{ ruleId: 'vague-target', words: 'improve | grow *fast*' }],
    },
  },
  { file: 'plans/clean-plan.md', text: '# Clean plan\n\nNothing to report.\n', findings: [], before: { label: 'origin/main', newPlan: true, fingerprints: new Set(), fixed: [] } },
];
