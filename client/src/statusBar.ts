/** The status bar item for the active plan: its findings and how many principles it addresses. */
import * as vscode from 'vscode';
import { SHOW_SCORECARD_COMMAND, type StatusParams } from '../../server/src/server/protocol';

export class PlanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stratlint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = 'Stratlint';
    this.item.command = SHOW_SCORECARD_COMMAND;
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.render();
  }

  /** What the bar says about a document (the extension's API for tests and other extensions). */
  statusFor(uri: string): StatusParams | undefined {
    return this.byUri.get(uri);
  }

  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? this.byUri.get(uri) : undefined;
    if (!s || !s.isPlan) {
      this.item.hide();
      return;
    }
    const findings = s.errors + s.warnings + s.infos;
    const addressed = s.principles.filter((p) => p.status === 'addressed').length;
    this.item.text = `$(checklist) ${findings} · ${addressed}/${s.principles.length} principles`;
    this.item.tooltip = `Stratlint: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'note')}; the plan addresses ${addressed} of ${s.principles.length} principles. Click for the scorecard.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.listener.dispose();
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
