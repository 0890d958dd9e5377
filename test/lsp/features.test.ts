/** Hover, outline, completion, code lens and the new-plan template, over stdio. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionItem, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { assessPlan, builtinRules, lintDocument, parsePlan } from '../../server/src/engine/index';
import { Session } from './session';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'growth-strategy.md'), 'utf8');
const RIVAL_PLAN = '# Rival plan\n\n## Summary\n\nWe will match Lumina\'s feature set by Q3 2026.\n';
const GTM_PLAN = '---\nstratlint: true\n---\n# Go-to-market plan for Billing\n\nFinance teams at clinics with 3 to 10 sites.\n';
const meta = (id: string) => builtinRules().rules.find((r) => r.meta.id === id)!.meta;

describe('language features', () => {
  let s: Session;
  let uri: string;
  before(async () => {
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN, 'plans/rival-plan.md': RIVAL_PLAN, 'plans/gtm-plan.md': GTM_PLAN } });
    uri = s.open('plans/growth-strategy.md');
    await s.diagnostics(uri);
  });
  after(() => s.stop());

  it('hover on the title, where the plan-level findings gather, says how to act on them in one line', async () => {
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    const onTitle = (await s.diagnostics(uri)).filter((d) => d.range.start.line === 0);
    assert.equal(
      (hover.contents as MarkupContent).value,
      `**${onTitle.length} principles to address**, one line each; a rule ID opens its page. The quick fix *Insert all missing sections* adds a template for each one missing.`,
    );
    // each title finding is one checklist line; the rule ID (code) links to the advice
    assert.ok(onTitle.some((d) => d.code === 'customer-outcomes' && d.message === 'Missing: Customer outcomes'), JSON.stringify(onTitle));
    assert.ok(onTitle.some((d) => d.code === 'right-to-win' && d.message === 'Missing: Right to win'));
  });

  it('hover on a finding: one line of why, weak → strong and the rule page (the full principle stays on the page)', async () => {
    const rival = s.open('plans/rival-plan.md');
    await s.diagnostics(rival);
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri: rival }, position: { line: 4, character: 12 } });
    const m = meta('competitor-feature-chasing');
    const why = m.principle.trim().replace(/\s+/g, ' ').split(/(?<=\.)\s+(?=[A-Z])/)[0];
    assert.equal(
      (hover.contents as MarkupContent).value,
      [`**competitor-feature-chasing**: ${why}`, '', `*Weak:* ${m.example!.weak}  `, `*Strong:* ${m.example!.strong}`, '', `[Read the competitor-feature-chasing rule page](${m.docsUrl})`].join('\n'),
    );
    s.close(rival);
  });

  it('no hover where there is no finding', async () => {
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 4 } }), null);
  });

  it('outlines the plan by section, nested by level', async () => {
    const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const shape = (list: DocumentSymbol[]): unknown[] => list.map((x) => [x.name, x.selectionRange.start.line, x.range.end.line, shape(x.children ?? [])]);
    assert.deepEqual(shape(symbols), [
      ['Northwind Grocers Growth Strategy 2026–2029', 0, 14, [['Summary', 2, 4, []], ['Target customers', 6, 9, []], ['Initiatives', 11, 14, []]]],
    ]);
  });

  it('completes the missing plan-level sections after "## ", as snippets with the typed level', async () => {
    const text = `${PLAN}\n### `;
    s.change(uri, text);
    const line = text.split('\n').length - 1;
    const items = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    const plan = parsePlan(PLAN);
    const config = lintDocument(PLAN, { filePath: join(s.dir, 'plans/growth-strategy.md'), stopDir: s.dir }).config;
    const assessed = assessPlan(plan, config.settings);
    const missing = config.settings
      .map((x) => x.rule.meta)
      .filter((m) => m.scope === 'plan' && m.fix && /^#/.test(m.fix.template) && assessed.get(m.id)?.status !== 'addressed')
      .map((m) => m.fix!.template.split('\n')[0].replace(/^#+\s+/, ''));
    assert.deepEqual(items.map((i) => i.label).sort(), missing.sort());
    assert.ok(!missing.includes('Target customers'), 'the plan has that one');
    const outcomes = items.find((i) => i.label === 'Customer outcomes')!;
    assert.equal(outcomes.insertTextFormat, 2);
    assert.deepEqual(outcomes.textEdit, {
      range: { start: { line, character: 0 }, end: { line, character: 4 } },
      newText: '### Customer outcomes\n\n- **Outcome:** ${1:[[who]]} ${2:[[achieves what result]]} — measured by ${3:[[metric]]}, from ${4:[[baseline]]} to ${5:[[target]]} by ${6:[[date]]}.',
    });
    assert.deepEqual(await s.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 3 } }), []);
    // a heading being typed gets nothing: editors that suggest while typing would take its Enter
    s.change(uri, `${PLAN}\n### Right to win`);
    assert.deepEqual(await s.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 16 } }), []);
    s.change(uri, PLAN);
    await s.diagnostics(uri);
  });

  it('puts "Addresses N of M principles" on the title', async () => {
    const lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const config = lintDocument(PLAN, { filePath: join(s.dir, 'plans/growth-strategy.md'), stopDir: s.dir }).config;
    const assessed = assessPlan(parsePlan(PLAN), config.settings);
    // principles that do not apply to the plan are not counted
    const planLevel = config.settings.filter((x) => x.rule.meta.scope === 'plan' && (assessed.get(x.rule.meta.id)?.status as string) !== 'n/a');
    const addressed = planLevel.filter((x) => assessed.get(x.rule.meta.id)?.status === 'addressed').length;
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 45 } });
    assert.equal(planLevel.length, config.settings.filter((x) => x.rule.meta.scope === 'plan').length, 'every principle applies to this plan');
    assert.equal(lenses[0].command!.title, `Addresses ${addressed} of ${planLevel.length} principles`);
    assert.ok(addressed > 0 && addressed < planLevel.length);
  });

  it('says how many principles do not apply: a go-to-market plan makes no bet to test', async () => {
    const gtm = s.open('plans/gtm-plan.md');
    await s.diagnostics(gtm);
    const [lens] = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: gtm } });
    const config = lintDocument(GTM_PLAN, { filePath: join(s.dir, 'plans/gtm-plan.md'), stopDir: s.dir }).config;
    const assessed = assessPlan(parsePlan(GTM_PLAN), config.settings);
    const notApplicable = [...assessed].filter(([, a]) => (a.status as string) === 'n/a').map(([id]) => id);
    assert.ok(notApplicable.includes('experimentation'), notApplicable.join(', '));
    const applies = config.settings.filter((x) => x.rule.meta.scope === 'plan').length - notApplicable.length;
    assert.match(lens.command!.title, new RegExp(`^Addresses \\d+ of ${applies} principles \\(${notApplicable.length} not applicable to this plan\\)$`));
  });

  it('serves a new-plan template holding every plan-level section, which is itself a plan', async () => {
    const template = await s.request<string>('stratlint/newPlanTemplate', undefined);
    assert.match(template, /^---\nstratlint: true\n/);
    const config = lintDocument(PLAN, { filePath: join(s.dir, 'plans/growth-strategy.md'), stopDir: s.dir }).config;
    for (const { rule } of config.settings.filter((x) => x.rule.meta.scope === 'plan' && x.rule.meta.fix && /^#/.test(x.rule.meta.fix.template))) {
      const heading = rule.meta.fix!.template.split('\n')[0];
      assert.equal(template.split('\n').filter((l) => l === heading).length, 1, `${heading} once`);
    }
    assert.ok(template.indexOf('## Target customers') < template.indexOf('## Customer outcomes'), 'the customers come before their outcomes');
    const linted = lintDocument(template, { noConfig: true });
    assert.equal(linted.isPlan, true);
  });
});
