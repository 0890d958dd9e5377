/**
 * Rule templates mark what to fill in as `[[like this]]`. When a quick fix inserts one, the
 * extension turns its placeholders into snippet tab stops, so Tab walks from one to the next.
 */
import * as vscode from 'vscode';
import { hasPlaceholders, toSnippet } from '../../server/src/server/snippets';

export function withTabStops(action: vscode.CodeAction | vscode.Command, document: vscode.TextDocument): vscode.CodeAction | vscode.Command {
  if (!(action instanceof vscode.CodeAction) || !action.edit || !action.kind || !vscode.CodeActionKind.QuickFix.contains(action.kind)) return action;
  const entries = action.edit.entries();
  if (entries.length !== 1) return action;
  const [uri, edits] = entries[0];
  if (uri.toString() !== document.uri.toString() || edits.length !== 1 || !hasPlaceholders(edits[0].newText)) return action;
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, [new vscode.SnippetTextEdit(edits[0].range, new vscode.SnippetString(toSnippet(edits[0].newText)))]);
  action.edit = edit;
  return action;
}
