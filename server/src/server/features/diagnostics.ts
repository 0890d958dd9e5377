/** Findings as LSP diagnostics, pushed (publishDiagnostics) or pulled (textDocument/diagnostic). */
import { DiagnosticSeverity, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Finding, Severity } from '../../engine/index';
import { configErrorInPlan } from '../configProblems';
import { planResult, type LintOutcome } from '../linting';
import { editorMessage } from './titleLine';

export const SOURCE = 'stratlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * `uri`: the document's, for the places a finding over a list names (each goal it flags).
 * `message`: what the editor shows (editorMessage), the finding's own by default.
 */
export function toDiagnostic(f: Finding, uri: string, message = f.message): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: f.docsUrl },
    message,
  };
  if (f.related) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return d;
}

/** What the editor shows for a document: its findings, and a front-matter config problem if any. */
export function diagnosticsOf(outcome: LintOutcome | undefined): Diagnostic[] {
  const result = planResult(outcome);
  const out = result?.findings.map((f) => toDiagnostic(f, outcome!.uri, editorMessage(outcome!.assessments, result, f))) ?? [];
  const inPlan = outcome?.result && outcome.configError ? configErrorInPlan(outcome.result.plan, outcome.configError, outcome.configFallback) : undefined;
  return inPlan ? [inPlan, ...out] : out;
}

/** A pull report; `unchanged` when the client already holds this version's result. */
export function diagnosticReport(outcome: LintOutcome | undefined, previousResultId: string | undefined): DocumentDiagnosticReport {
  if (!outcome) return { kind: 'full', items: [] };
  const resultId = String(outcome.id);
  if (previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: diagnosticsOf(outcome) };
}
