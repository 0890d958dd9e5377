/**
 * Runs inside a real VS Code extension host with the Stratlint extension under development:
 * what a user sees through the editor API — diagnostics, the quick fix, hover, completion,
 * outline, code lens, status bar, commands and the grammar.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { StratlintApi } from '../../../client/src/extension';

const TITLE_RANGE = new vscode.Range(0, 2, 0, 45);

async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function stratlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stratlint');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function workspaceFile(path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, path);
}

describe('Stratlint in VS Code', () => {
  const extension = vscode.extensions.getExtension<StratlintApi>('stratlint.stratlint');
  const rule = (id: string) => parse(readFileSync(join(extension!.extensionPath, 'rules', id, 'rule.yaml'), 'utf8')) as { principle: string; fix: { title: string } };
  let api: StratlintApi;
  let plan: vscode.TextDocument;

  before(async () => {
    assert.ok(extension, 'the extension under development is installed');
    plan = await vscode.workspace.openTextDocument(workspaceFile('plans/growth-strategy.md'));
    await vscode.window.showTextDocument(plan);
    api = await extension.activate();
  });

  it('shows the plan findings as diagnostics with rule ID, docs link and source', async () => {
    const outcomes = await waitFor('the customer-outcomes diagnostic', () => stratlintDiagnostics(plan.uri).find((d) => codeOf(d) === 'customer-outcomes'));
    assert.ok(outcomes.range.isEqual(TITLE_RANGE), `range ${JSON.stringify(outcomes.range)}`);
    assert.equal(outcomes.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String((outcomes.code as { target: vscode.Uri }).target), /rules\/customer-outcomes\/README\.md$/);
    // on the title, a plan-level finding is one checklist line; its rule page holds the advice
    assert.equal(outcomes.message, 'Missing: Customer outcomes');
  });

  it('keeps the title hover short: what to do about its checklist, not every principle in full', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', plan.uri, new vscode.Position(0, 10));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const onTitle = stratlintDiagnostics(plan.uri).filter((d) => d.range.start.line === 0).length;
    assert.equal(text, `**${onTitle} principles to address**, one line each; a rule ID opens its page. The quick fix *Insert all missing sections* adds a template for each one missing.`);
  });

  it('shows the status bar and the code lens for the plan', async () => {
    const status = await waitFor('the plan status', () => api.statusFor(plan.uri.toString()));
    assert.equal(status.isPlan, true);
    assert.equal(status.errors + status.warnings + status.infos, stratlintDiagnostics(plan.uri).length);
    const addressed = status.principles.filter((p) => p.status === 'addressed').length;
    assert.equal(api.statusBarText(), `$(checklist) ${stratlintDiagnostics(plan.uri).length} · ${addressed}/${status.principles.length} principles`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', plan.uri);
    const titles = lenses.map((l) => l.command?.title);
    // every principle applies to this plan (a go-to-market plan's lens says which do not: test/lsp/features.test.ts)
    assert.ok(titles.includes(`Addresses ${addressed} of ${status.principles.length} principles`), JSON.stringify(titles));
  });

  it('outlines the plan by section', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', plan.uri);
    // VS Code's Markdown outline names a symbol as written ("## Summary"): compare the heading's words
    const names = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name.replace(/^#+\s*/, ''), ...names(s.children)]);
    const all = names(symbols);
    // VS Code's own Markdown outline only: Stratlint adds no second copy of each heading
    for (const name of ['Northwind Grocers Growth Strategy 2026–2029', 'Summary', 'Target customers', 'Initiatives']) assert.equal(all.filter((n) => n === name).length, 1, `${name} in ${all}`);
  });

  it('applies the template quick fix with tab stops, and the error goes away', async () => {
    const editor = await vscode.window.showTextDocument(plan);
    const actions = await waitFor('the quick fix', async () => {
      const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan.uri, TITLE_RANGE, vscode.CodeActionKind.QuickFix.value);
      return list.some((a) => a.title === rule('customer-outcomes').fix.title) ? list : undefined;
    });
    const fix = actions.find((a) => a.title === rule('customer-outcomes').fix.title)!;
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Insert all missing sections'), actions.map((a) => a.title).join(', '));
    assert.ok(actions.some((a) => a.title === 'Disable customer-outcomes for this plan'));
    assert.ok(!actions.some((a) => / for this (line|file)$/.test(a.title)), 'a plan-level finding has no line to disable');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    assert.match(plan.getText(), /\n## Customer outcomes\n\n- \*\*Outcome:\*\* \[\[who\]\]/);
    // snippet mode: the first placeholder is selected, ready to be typed over
    assert.equal(editor.document.getText(editor.selection), '[[who]]');
    // the placeholder shows in the Markdown preview (an HTML-like <who> would vanish there)
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', plan.getText());
    assert.match(html, /<strong>Outcome:<\/strong> \[\[who\]\] \[\[achieves what result\]\]/);
    // The error goes; what stays is at most a warning that the inserted template is not filled in.
    await waitFor('the customer-outcomes error to go away', () => !stratlintDiagnostics(plan.uri).some((d) => codeOf(d) === 'customer-outcomes' && d.severity === vscode.DiagnosticSeverity.Error) || undefined);
    for (const d of stratlintDiagnostics(plan.uri).filter((x) => codeOf(x) === 'customer-outcomes')) assert.match(d.message, /not filled in/);
    await vscode.commands.executeCommand('leaveSnippet');
  });

  it('completes missing sections after "## " when asked (Ctrl+Space)', async () => {
    const editor = await vscode.window.showTextDocument(plan);
    const end = plan.lineAt(plan.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\n## '));
    const at = plan.lineAt(plan.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', plan.uri, at);
    const labels = list.items.filter((i) => String(i.detail).startsWith('Stratlint:')).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Right to win'), `offered: ${labels}`);
    assert.ok(!labels.includes('Customer outcomes') && !labels.includes('Target customers'), `offered sections the plan has: ${labels}`);
    const item = list.items.find((i) => i.label === 'Right to win')!;
    assert.ok(item.insertText instanceof vscode.SnippetString && /\$\{1:\[\[[^\]]+\]\]\}/.test(item.insertText.value), `placeholders become tab stops: ${String((item.insertText as vscode.SnippetString).value)}`);
  });

  it('lints a file that is not a plan only when asked', async () => {
    const notes = await vscode.workspace.openTextDocument(workspaceFile('notes/offsite.md'));
    await vscode.window.showTextDocument(notes);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(stratlintDiagnostics(notes.uri), []);
    await vscode.commands.executeCommand('stratlint.lintAsPlan');
    await waitFor('diagnostics once linted as a plan', () => stratlintDiagnostics(notes.uri).some((d) => codeOf(d) === 'customer-outcomes') || undefined);
  });

  it('opens a new plan from the template', async () => {
    await vscode.commands.executeCommand('stratlint.newPlan');
    const editor = await waitFor('the new plan editor', () => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /^---\nstratlint: true\n/);
    assert.match(text, /\n## Customer outcomes\n/);
    assert.match(editor.document.getText(editor.selection), /^\[\[[^[\]]+\]\]$/, 'the first placeholder is selected');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('restarts the server and keeps linting', async () => {
    await vscode.commands.executeCommand('stratlint.restartServer');
    const editor = await vscode.window.showTextDocument(plan);
    const before = api.statusFor(plan.uri.toString());
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '<!-- stratlint-disable-file customer-feedback-loop -->\n\n'));
    // the restart clears the diagnostics for a moment: wait for the new server's
    await waitFor('the edit linted by the new server', () => {
      const now = stratlintDiagnostics(plan.uri);
      return (now.length > 0 && !now.some((d) => codeOf(d) === 'customer-feedback-loop')) || undefined;
    });
    const after = await waitFor('a fresh status that matches', () => {
      const status = api.statusFor(plan.uri.toString());
      return status && status !== before && status.errors + status.warnings + status.infos === stratlintDiagnostics(plan.uri).length ? status : undefined;
    });
    assert.equal(after.isPlan, true);
  });
});
