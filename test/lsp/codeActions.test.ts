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

  it('offers the template fix first and preferred, then disable for the line and for the file', async () => {
    const codes = await reopen();
    const list = await actions();
    const forOutcomes = list.filter((a) => a.diagnostics?.[0]?.code === 'customer-outcomes').map((a) => [a.title, a.kind, a.isPreferred ?? false]);
    assert.deepEqual(forOutcomes, [
      [OUTCOMES_FIX, 'quickfix', true],
      ['Disable customer-outcomes for this line', 'quickfix', false],
      ['Disable customer-outcomes for this file', 'quickfix', false],
    ]);
    // one fix-all source action, resolved on demand
    const fixAll = list.filter((a) => a.kind === 'source.fixAll.stratlint');
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].edit, undefined);
    assert.ok(codes.length > 1);
  });

  it('the template fix inserts the section once; the error goes, a warning that it is not filled in stays', async () => {
    const codes = await reopen();
    const fix = (await actions()).find((a) => a.title === OUTCOMES_FIX)!;
    const after = await apply(fix);
    assert.deepEqual(after, codes.filter((c) => after.includes(c)));
    const left = (await s.diagnostics(uri)).filter((d) => d.code === 'customer-outcomes');
    assert.equal(left.length, 1);
    assert.equal(left[0].severity, 2, 'partly: a warning, one level below the error');
    assert.match(left[0].message, /still a template, not filled in/);
    assert.equal(text.match(/^## Customer outcomes$/gm)?.length, 1);
    assert.ok(!(await actions()).some((a) => a.title === OUTCOMES_FIX), 'no second offer once the section is there');
  });

  it('disable for this line adds a directive to the line, and a second rule joins it', async () => {
    const codes = await reopen();
    const after = await apply((await actions()).find((a) => a.title === 'Disable customer-outcomes for this line')!);
    assert.deepEqual(after, codes.filter((c) => c !== 'customer-outcomes'));
    assert.equal(text.split('\n')[0], '# Northwind Grocers Growth Strategy 2026–2029 <!-- stratlint-disable-line customer-outcomes -->');
    const next = after.find((c) => c !== 'customer-outcomes')!;
    await apply((await actions()).find((a) => a.title === `Disable ${next} for this line`)!);
    assert.equal(text.split('\n')[0], `# Northwind Grocers Growth Strategy 2026–2029 <!-- stratlint-disable-line customer-outcomes ${next} -->`);
  });

  it('disable for this file puts one directive at the top', async () => {
    const codes = await reopen();
    const after = await apply((await actions()).find((a) => a.title === 'Disable customer-outcomes for this file')!);
    assert.deepEqual(after, codes.filter((c) => c !== 'customer-outcomes'));
    assert.equal(text, `<!-- stratlint-disable-file customer-outcomes -->\n\n${PLAN}`);
    const next = after[0];
    const title = { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } };
    await apply((await actions(title)).find((a) => a.title === `Disable ${next} for this file`)!);
    assert.equal(text, `<!-- stratlint-disable-file customer-outcomes ${next} -->\n\n${PLAN}`);
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
