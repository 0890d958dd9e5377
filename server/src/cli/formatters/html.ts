import { comparisonTable, htmlDocument, planSection, type PlanCard } from '../../report/html';
import { withScorecards } from './scorecard';
import type { Formatter } from './types';

/** Nothing may load: no scripts, no fonts, no images from anywhere; only the inline styles. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * One self-contained HTML file: for each plan its coverage, a radar chart of the principles
 * and the gaps with links to the rule docs; a comparison table first when there are several plans.
 */
export const html: Formatter = (results) => {
  const cards: PlanCard[] = withScorecards(results).map(({ result, scorecard }, i) => {
    const planRules = new Set(scorecard.principles.map((p) => p.id));
    return { file: result.file, anchor: `plan-${i + 1}`, scorecard, findings: result.findings.filter((f) => !planRules.has(f.ruleId)) };
  });
  const intro = [
    '<h1>Strategy scorecard</h1>',
    `<p class="muted">${cards.length} plan${cards.length === 1 ? '' : 's'}. Coverage counts a principle addressed as 1, partly as ½ and missing as 0, over the principles assessed.</p>`,
  ];
  const body = cards.length === 0 ? [...intro, '<p>No plans were linted.</p>'] : [...intro, ...(cards.length > 1 ? ['<h2>Comparison</h2>', comparisonTable(cards)] : []), ...cards.map(planSection)];
  return htmlDocument({ title: 'Stratlint scorecard', csp: CSP, body: body.join('\n') });
};
