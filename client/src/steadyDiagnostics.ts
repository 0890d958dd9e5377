/**
 * Keeps a document's markers while its next diagnostics are computed. vscode-languageclient
 * answers a pull it cancelled (the user typed again before the server answered) with an empty
 * full report, which wipes every squiggle and the Problems panel until the typing pauses.
 * ESLint and markdownlint keep the previous markers instead: so does Stratlint, by turning a
 * cancelled pull into "unchanged" (the client asks again for the newer text right after).
 */
import { vsdiag, type ProvideDiagnosticSignature } from 'vscode-languageclient';
import type * as vscode from 'vscode';

export async function keepMarkersWhileTyping(
  document: vscode.TextDocument | vscode.Uri,
  previousResultId: string | undefined,
  token: vscode.CancellationToken,
  next: ProvideDiagnosticSignature,
): Promise<vsdiag.DocumentDiagnosticReport | null | undefined> {
  const report = await next(document, previousResultId, token);
  if (!token.isCancellationRequested) return report;
  return { kind: vsdiag.DocumentDiagnosticReportKind.unChanged, resultId: previousResultId ?? '' };
}
