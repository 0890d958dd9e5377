/** Code actions over stdio: each one applied to the text, then re-linted by the server. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, builtinRules } from '../../server/src/engine/index';
import { Session } from './session';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'growth-strategy.md'), 'utf8');
const TITLE = { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } };
const OUTCOMES_FIX = builtinRules().rules.find((r) => r.meta.id === 'customer-outcomes')!.meta.fix!.title;

/** Every line of `before` is still in `after`, in the same order (only insertions happened). */
function keepsLinesInOrder(before: string, after: string): boolean {
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at++ >= lines.length) return false;
  }
  return true;
}

describe('code actions', () => {
  let s: Session;
  let uri: string;
  let text: string;

  const actions = (range = TITLE, only?: string[]) =>
    s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } });

  /** Applies a versioned edit the way an editor does, and sends the change. */
  /** Applies a versioned edit the way an editor does and sends the change; returns the rule IDs then found on the title. */
  async function apply(action: CodeAction): Promise<string[]> {
    const [change] = action.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(change.textDocument.version, s.version(uri), 'the edit is for the current version');
    text = applyEdits(text, change.edits as TextEdit[]);
    s.change(uri, text);
    return onTitle(await s.diagnostics(uri));
  }

  before(async () => {
    s = await Session.start({ files: { 'plans/growth-strategy.md': PLAN } });
  });
  after(() => s.stop());

  /** Opens the plan afresh; returns the rule IDs of the findings on its title. */
  async function reopen(): Promise<string[]> {
    if (uri) s.close(uri);
    uri = s.open('plans/growth-strategy.md');
    text = PLAN;
    return onTitle(await s.diagnostics(uri));
  }

  const onTitle = (diagnostics: { code?: unknown; range: { start: { line: number } } }[]) => {
    const titleLine = text.split('\n').findIndex((l) => l.startsWith('# '));
    return diagnostics.filter((d) => d.range.start.line === titleLine).map((d) => String(d.code));
  };

  it('on the title: "Insert all missing sections" first, then each template fix (preferred) and "Disable <rule> for this plan"; nothing per line', async () => {
    const codes = await reopen();
    const list = await actions();
    assert.equal(list[0].title, 'Insert all missing sections');
    assert.deepEqual(list[0].diagnostics?.map((d) => d.code), codes);
    const forOutcomes = list.filter((a) => a.diagnostics?.length === 1 && a.diagnostics[0].code === 'customer-outcomes').map((a) => [a.title, a.kind, a.isPreferred ?? false]);
    assert.deepEqual(forOutcomes, [
      [OUTCOMES_FIX, 'quickfix', true],
      ['Disable customer-outcomes for this plan', 'quickfix', false],
    ]);
    assert.deepEqual(list.filter((a) => / for this (line|file)$/.test(a.title)), []);
    assert.equal(list.filter((a) => a.title.startsWith('Disable ')).length, codes.length);
    // one fix-all source action, resolved on demand
    const fixAll = list.filter((a) => a.kind === 'source.fixAll.stratlint');
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].edit, undefined);
    assert.ok(codes.length > 1);
  });

  it('"Insert all missing sections" inserts every missing section once, in one edit and in reading order; no error stays on the title', async () => {
    await reopen();
    const all = (await actions()).find((a) => a.title === 'Insert all missing sections')!;
    assert.equal((all.edit!.documentChanges![0] as TextDocumentEdit).edits.length, 1);
    const after = await apply(all);
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    const inserted = headings.filter((h) => !PLAN.split('\n').includes(h));
    // where customer-outcomes (the first to read) goes on its own, in the new-plan template's order
    const template = (await s.request<string>('stratlint/newPlanTemplate', undefined)).split('\n');
    assert.deepEqual(inserted, template.filter((l) => inserted.includes(l)));
    assert.deepEqual(headings, ['## Summary', ...inserted, '## Target customers', '## Initiatives']);
    assert.ok(inserted.includes('## Customer outcomes') && inserted.includes('## Right to win'), inserted.join(', '));
    assert.ok(keepsLinesInOrder(PLAN, text), text);
    const left = (await s.diagnostics(uri)).filter((d) => d.range.start.line === 0 && d.severity === 1);
    assert.deepEqual(left, [], 'the missing-section errors go (what stays is that the templates are not filled in)');
    assert.ok(!(await actions()).some((a) => a.title === 'Insert all missing sections'), `not offered again: ${after}`);
  });

  it('"Disable <rule> for this plan" turns the rule off in the front matter, adding to what is there', async () => {
    const codes = await reopen();
    const after = await apply((await actions()).find((a) => a.title === 'Disable customer-outcomes for this plan')!);
    assert.deepEqual(after, codes.filter((c) => c !== 'customer-outcomes'));
    assert.equal(text, `---\nstratlint:\n  rules:\n    customer-outcomes: off\n---\n\n${PLAN}`);
    const next = after[0];
    const title = { start: { line: 6, character: 10 }, end: { line: 6, character: 10 } };
    await apply((await actions(title)).find((a) => a.title === `Disable ${next} for this plan`)!);
    assert.equal(text, `---\nstratlint:\n  rules:\n    customer-outcomes: off\n    ${next}: off\n---\n\n${PLAN}`);
  });

  it('"Disable <rule> for this plan" turns `stratlint: true` into the plan\'s settings', async () => {
    await reopen();
    text = `---\nstratlint: true\nowner: Dana\n---\n\n${PLAN}`;
    s.change(uri, text);
    await s.diagnostics(uri);
    const title = { start: { line: 5, character: 10 }, end: { line: 5, character: 10 } };
    await apply((await actions(title)).find((a) => a.title === 'Disable right-to-win for this plan')!);
    assert.equal(text, `---\nstratlint:\n  rules:\n    right-to-win: off\nowner: Dana\n---\n\n${PLAN}`);
  });

  it('a finding on a line offers disable for this line and for this file', async () => {
    await reopen();
    text = PLAN.replace('We will grow revenue', "We will match Lumina's feature set by Q3 2026. We will grow revenue");
    s.change(uri, text);
    await s.diagnostics(uri);
    const line = { start: { line: 4, character: 12 }, end: { line: 4, character: 12 } };
    const titles = (await actions(line, ['quickfix'])).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Disable ')), ['Disable competitor-feature-chasing for this line', 'Disable competitor-feature-chasing for this file']);
    await apply((await actions(line)).find((a) => a.title === 'Disable competitor-feature-chasing for this line')!);
    assert.match(text.split('\n')[4], /<!-- stratlint-disable-line competitor-feature-chasing -->$/);
  });

  it('fix all applies every preferred fix once; afterwards there is nothing left to fix', async () => {
    await reopen();
    const [fixAll] = await actions(TITLE, ['source.fixAll']);
    assert.equal(fixAll.title, 'Fix all auto-fixable Stratlint problems');
    const resolved = await s.request<CodeAction>('codeAction/resolve', fixAll);
    const edits = (resolved.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.equal(edits.length, 1, 'one edit spanning the changed text');
    await apply(resolved);
    assert.ok(keepsLinesInOrder(PLAN, text), `fix all lost or moved a line:\n${text}`);
    assert.equal(text.match(/^## Customer outcomes$/gm)?.length, 1);
    const left = await actions(TITLE, ['source.fixAll']);
    assert.deepEqual(left, [], 'nothing auto-fixable remains');
  });

  it('offers only what `only` asks for', async () => {
    await reopen();
    const quickfixes = await actions(TITLE, ['quickfix']);
    assert.ok(quickfixes.length > 0 && quickfixes.every((a) => a.kind === 'quickfix'));
    assert.deepEqual(await actions(TITLE, ['refactor']), []);
  });

  it('offers nothing away from the findings', async () => {
    await reopen();
    assert.deepEqual(await actions({ start: { line: 9, character: 3 }, end: { line: 9, character: 3 } }, ['quickfix']), []);
  });
});
