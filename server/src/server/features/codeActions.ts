/**
 * Code actions on findings: the rule's own fix (quickfix, preferred), "disable <id> for this
 * line" and "for this file"; and the source action that applies every preferred fix.
 * A plan-level finding (a principle the whole plan misses, shown on its title) has no line to
 * switch off: it offers "Disable <id> for this plan" in the front matter instead, and where
 * several sections are missing, "Insert all missing sections" comes first.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { DIRECTIVE_RULES, type DocumentLint, type Finding, type Position, type TextEdit } from '../../engine/index';
import { planResult, type LintOutcome } from '../linting';
import { toDiagnostic } from './diagnostics';
import { disableForFile, disableForLine } from './disableComments';
import { disableInFrontMatter } from './disableInFrontMatter';
import { ruleMeta } from './ruleMeta';
import { INSERT_ALL_TITLE, insertAllSections } from './insertAllSections';
import { editorMessage } from './titleLine';
import { FIX_ALL_KIND } from '../protocol';
import { fixAllEdit, hasAutoFixes } from './fixAll';

export const FIX_ALL_TITLE = 'Fix all auto-fixable Stratlint problems';

export interface EditOptions {
  /** The client takes versioned document edits (so it refuses a fix made for an older text). */
  documentChanges: boolean;
}

export interface FixAllData {
  uri: string;
  version: number;
}

export function workspaceEdit(uri: string, version: number, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  return options.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

function findingsIn(result: DocumentLint, params: CodeActionParams): Finding[] {
  const { start, end } = params.range;
  return result.findings.filter((f) => before(f.range.start, end) && before(start, f.range.end));
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** `resolveEdits`: leave the fix-all edit to codeAction/resolve (it re-lints, so only on demand). */
export function codeActions(outcome: LintOutcome | undefined, params: CodeActionParams, options: EditOptions & { resolveEdits: boolean }): CodeAction[] {
  const result = planResult(outcome);
  if (!outcome || !result) return [];
  const { uri, version } = outcome;
  const edit = (edits: TextEdit[]) => workspaceEdit(uri, version, edits, options);
  const diagnostic = (f: Finding) => toDiagnostic(f, uri, editorMessage(outcome.assessments, result, f));
  const actions: CodeAction[] = [];
  if (wants(params, CodeActionKind.QuickFix)) {
    const disables: CodeAction[] = [];
    const here = findingsIn(result, params);
    const planLevel = here.filter((f) => ruleMeta(result, f.ruleId)?.scope === 'plan');
    const all = insertAllSections(result, planLevel);
    if (all) actions.push({ title: INSERT_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics: planLevel.map(diagnostic), edit: edit([all]) });
    for (const finding of here) {
      const diagnostics = [diagnostic(finding)];
      for (const fix of finding.fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.isPreferred, edit: edit(fix.edits) });
      }
      // Findings about disable comments themselves cannot be switched off by one.
      if (DIRECTIVE_RULES.has(finding.ruleId)) continue;
      if (planLevel.includes(finding)) {
        const plan = disableInFrontMatter(result.plan, finding.ruleId);
        if (plan) disables.push({ title: `Disable ${finding.ruleId} for this plan`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit([plan]) });
        continue;
      }
      const line = disableForLine(result.plan, finding.ruleId, finding.range.start.line);
      if (line) disables.push({ title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit([line]) });
      const file = disableForFile(result.plan, finding.ruleId);
      if (file) disables.push({ title: `Disable ${finding.ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit([file]) });
    }
    // several findings of one rule on a line share their disable actions
    actions.push(...disables.filter((a, i) => disables.findIndex((b) => b.title === a.title) === i));
  }
  if (wants(params, FIX_ALL_KIND) && hasAutoFixes(result)) {
    const data: FixAllData = { uri, version };
    const fixAll: CodeAction = { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data };
    actions.push(options.resolveEdits ? fixAll : resolveFixAll(fixAll, outcome, options));
  }
  return actions;
}

/** Fills in the fix-all edit when the outcome is for the version the action was made for. */
export function resolveFixAll(action: CodeAction, outcome: LintOutcome | undefined, options: EditOptions): CodeAction {
  const data = action.data as FixAllData | undefined;
  const result = planResult(outcome);
  if (!outcome || !result || !data || data.uri !== outcome.uri || data.version !== outcome.version) return action;
  const edit = fixAllEdit(result);
  return edit ? { ...action, edit: workspaceEdit(outcome.uri, outcome.version, [edit], options) } : action;
}
