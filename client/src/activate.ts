/**
 * What the extension does once it has a language client, on the desktop (extension.ts: the server
 * as a Node process) and in VS Code for the web (web/extension.ts: the server in a Web Worker):
 * the active plan's status, the scorecard view and the commands.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions } from 'vscode-languageclient';
import { NewPlanTemplateRequest, SHOW_PRINCIPLES_COMMAND, SHOW_SCORECARD_COMMAND, StatusNotification, LINT_AS_PLAN_COMMAND, type InitializationOptions, type PrincipleCoverage, type StatusParams } from '../../server/src/server/protocol';
import { toSnippet } from '../../server/src/server/snippets';
import { ScorecardView } from './scorecardView';
import { withTabStops } from './snippetFixes';
import { keepMarkersWhileTyping } from './steadyDiagnostics';
import { PlanStatusBar } from './statusBar';

/** What activate() returns: lets tests (and other extensions) read the status the bar shows. */
export interface StratlintApi {
  statusFor(uri: string): StatusParams | undefined;
  statusBarText(): string;
  /** The plan the scorecard view shows, if it is open. */
  scorecardView(): { uri: string; isPlan: boolean } | undefined;
}

/** The client's options; `documentSelector`: which documents the server lints. */
export function clientOptions(documentSelector: DocumentSelector): LanguageClientOptions {
  return {
    documentSelector,
    diagnosticPullOptions: { onChange: true, onSave: true },
    // VS Code outlines Markdown itself (outline view, breadcrumbs, Go to Symbol)
    initializationOptions: { editorOutline: true } satisfies InitializationOptions,
    middleware: {
      provideDiagnostics: keepMarkersWhileTyping,
      async provideCodeActions(document, range, context, token, next) {
        const actions = await next(document, range, context, token);
        return actions?.map((a) => withTabStops(a, document));
      },
    },
  };
}

/** Wires the status bar, the scorecard view and the commands to `lc`, and starts it. */
export async function startExtension(context: vscode.ExtensionContext, lc: BaseLanguageClient & { restart(): Promise<void> }): Promise<StratlintApi> {
  const status = new PlanStatusBar();
  context.subscriptions.push(status);
  const scorecard = new ScorecardView(lc);
  context.subscriptions.push(scorecard);
  context.subscriptions.push(
    lc.onNotification(StatusNotification, (s) => {
      status.update(s);
      void scorecard.refresh(s.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => status.forget(d.uri.toString())),
    vscode.commands.registerCommand('stratlint.lintAsPlan', () => lintAsPlan(lc)),
    vscode.commands.registerCommand('stratlint.newPlan', () => newPlan(lc)),
    vscode.commands.registerCommand('stratlint.restartServer', () => lc.restart()),
    vscode.commands.registerCommand(SHOW_SCORECARD_COMMAND, (uri?: string) => scorecard.show(uri)),
    vscode.commands.registerCommand(SHOW_PRINCIPLES_COMMAND, (uri?: string, principles?: PrincipleCoverage[]) => showPrinciples(status, uri, principles)),
  );
  await lc.start();
  return { statusFor: (uri) => status.statusFor(uri), statusBarText: () => status.text, scorecardView: () => scorecard.state };
}

async function lintAsPlan(lc: BaseLanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Stratlint: open a Markdown file first.');
    return;
  }
  await lc.sendRequest(ExecuteCommandRequest.type, { command: LINT_AS_PLAN_COMMAND, arguments: [document.uri.toString()] });
}

async function newPlan(lc: BaseLanguageClient): Promise<void> {
  const template = await lc.sendRequest(NewPlanTemplateRequest);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(toSnippet(template)), new vscode.Position(0, 0));
}

const ICON: Record<PrincipleCoverage['status'], string> = { addressed: '$(pass)', partly: '$(circle-large-outline)', missing: '$(error)' };

async function showPrinciples(status: PlanStatusBar, uri?: string, principles?: PrincipleCoverage[]): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  const list = principles ?? (target ? status.statusFor(target)?.principles : undefined);
  if (!list || list.length === 0) {
    void vscode.window.showInformationMessage('Stratlint: this file is not linted as a plan.');
    return;
  }
  const order = { missing: 0, partly: 1, addressed: 2 };
  const picked = await vscode.window.showQuickPick(
    [...list].sort((a, b) => order[a.status] - order[b.status]).map((p) => ({ label: `${ICON[p.status]} ${p.ruleId}`, description: p.status, detail: p.description, docsUrl: p.docsUrl })),
    { title: 'Principles this plan addresses', placeHolder: 'Pick one to read its rule page' },
  );
  if (picked) await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(picked.docsUrl));
}
