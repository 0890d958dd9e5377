/**
 * "Stratlint: Show scorecard": a webview beside the plan with the same chart and gap list as the
 * CLI's HTML report, redrawn after every lint of the plan. Clicking a gap puts the cursor where
 * the rule's fix would insert its template.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { esc } from '../../server/src/report/escape';
import { htmlDocument, planSection } from '../../server/src/report/html';
import { ScorecardRequest, type ScorecardResult } from '../../server/src/server/protocol';

/** Runs in the webview: gap clicks and rule-doc links go to the extension, which owns the editor. */
const WEBVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const jump = target && target.closest('[data-line]');
    if (jump) {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', line: Number(jump.getAttribute('data-line')), character: Number(jump.getAttribute('data-character')) });
      return;
    }
    const doc = target && target.closest('a[href^="file:"]');
    if (doc) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', href: doc.getAttribute('href') });
    }
  });
})();`;

type WebviewMessage = { type: 'reveal'; line: number; character: number } | { type: 'open'; href: string };

export class ScorecardView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The plan shown and the scorecard drawn for it. */
  private uri: string | undefined;
  private shown: ScorecardResult | null = null;
  private readonly listeners: vscode.Disposable[] = [];

  constructor(private readonly client: BaseLanguageClient) {
    // Follow the active editor to another plan; leave the view alone for files that are not plans.
    this.listeners.push(vscode.window.onDidChangeActiveTextEditor((e) => e && this.panel && e.document.languageId === 'markdown' && void this.follow(e.document.uri.toString())));
  }

  /** Opens (or reveals) the view for a plan: the given one, else the active editor's. */
  async show(uri?: string): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!target) {
      void vscode.window.showInformationMessage('Stratlint: open a plan first to see its scorecard.');
      return;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('stratlint.scorecard', 'Scorecard', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.uri = undefined;
        this.shown = null;
      });
      this.panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m));
    } else {
      this.panel.reveal(undefined, true);
    }
    this.uri = target;
    this.shown = null;
    await this.refresh(target);
  }

  /** Redraws the view if it shows this document (called after every lint). */
  async refresh(uri: string): Promise<void> {
    if (!this.panel || uri !== this.uri) return;
    const result = await this.scorecardOf(uri);
    if (result === undefined || !this.panel || uri !== this.uri) return;
    // Answers can arrive out of order while the user types: never draw an older version over a newer one.
    if (result && this.shown && this.shown.uri === uri && result.version < this.shown.version) return;
    this.shown = result;
    this.panel.title = `Scorecard: ${vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false)}`;
    this.panel.webview.html = this.page(uri, result);
  }

  /** The URI shown and whether it has a scorecard (for tests and the extension's API). */
  get state(): { uri: string; isPlan: boolean } | undefined {
    return this.uri ? { uri: this.uri, isPlan: this.shown !== null } : undefined;
  }

  private async follow(uri: string): Promise<void> {
    if (uri === this.uri) return;
    const result = await this.scorecardOf(uri);
    if (!result || !this.panel) return;
    this.uri = uri;
    this.shown = null;
    await this.refresh(uri);
  }

  /** The server's answer; undefined when there is none (the server is restarting, say): the view keeps what it shows. */
  private async scorecardOf(uri: string): Promise<ScorecardResult | null | undefined> {
    try {
      return await this.client.sendRequest(ScorecardRequest, { uri });
    } catch {
      return undefined;
    }
  }

  private page(uri: string, result: ScorecardResult | null): string {
    // Web Crypto: there in Node's extension host and in a browser's alike
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    const csp = `default-src 'none'; style-src ${this.panel!.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}'`;
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
    const body = result
      ? planSection({ file, anchor: 'plan', scorecard: result.scorecard, fileLinks: true })
      : `<p>${esc(file)} is not linted as a plan. Run <strong>Stratlint: Lint this file as a plan</strong> to see its scorecard.</p>`;
    return htmlDocument({ title: 'Stratlint scorecard', csp, body: `<div class="interactive">${body}</div>`, script: { nonce, code: WEBVIEW_SCRIPT } });
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    if (m.type === 'open') {
      // Only the rule pages the scorecard links to, nothing else the page might ask for.
      if (this.shown?.scorecard.principles.some((p) => p.docsUrl === m.href)) await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(m.href));
      return;
    }
    if (!this.uri || !Number.isInteger(m.line) || !Number.isInteger(m.character)) return;
    const uri = vscode.Uri.parse(this.uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    const at = document.validatePosition(new vscode.Position(m.line, m.character));
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const l of this.listeners) l.dispose();
  }
}
