/** Hover, outline, completion, code lens and the new-plan template, over stdio. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionItem, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { assessPlan, builtinRules, lintDocument, parsePlan } from '../../server/src/engine/index';
import { Session } from './session';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'growth-strategy.md'), 'utf8');
const meta = (id: string) => builtinRules().rules.find((r) => r.meta.id === id)!.meta;

describe('language features', () => {
  let s: Session;
  let uri: string;
  before(async () => {
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN } });
    uri = s.open('plans/growth-strategy.md');
    await s.diagnostics(uri);
  });
  after(() => s.stop());

  it('hover on a finding explains its principle, source, weak → strong and docs link', async () => {
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    const text = (hover.contents as MarkupContent).value;
    const m = meta('customer-outcomes');
    assert.ok(text.includes(`**customer-outcomes** — ${m.description}\n\n${m.principle}`), text);
    assert.ok(text.includes('*Source:* Narducci, *Seven Leadership Principles for Creating Customer Powered Value* (principles 1 and 3); Klaidman & Drake, *Customer Value Creation*'));
    assert.ok(text.includes(`*Weak:* ${m.example!.weak}  \n*Strong:* ${m.example!.strong}`));
    assert.ok(text.includes(`[Read the customer-outcomes rule page](${m.docsUrl})`));
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
      newText: '### Customer outcomes\n\n- **Outcome:** ${1:<who>} ${2:<achieves what result>} — measured by ${3:<metric>}, from ${4:<baseline>} to ${5:<target>} by ${6:<date>}.',
    });
    assert.deepEqual(await s.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 3 } }), []);
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
    assert.equal(lenses[0].command!.title, `Addresses ${addressed} of ${planLevel.length} principles`);
    assert.ok(addressed > 0 && addressed < planLevel.length);
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
