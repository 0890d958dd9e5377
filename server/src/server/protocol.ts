/**
 * What the language server and the VS Code extension agree on beyond LSP itself: command IDs,
 * the status notification and the new-plan request. Other LSP clients need none of it.
 */
import { CodeActionKind, NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Scorecard } from '../engine/index';

/** What a client may say when it starts the server (initializationOptions). */
export interface InitializationOptions {
  /** The `stratlint.*` settings, for clients that cannot answer workspace/configuration. */
  settings?: unknown;
  /**
   * The editor has its own outline of Markdown headings (VS Code): the server then offers no
   * document symbols, which would repeat every heading, and says above each section's heading
   * which principles it addresses instead.
   */
  editorOutline?: boolean;
}

/** The source action that applies every preferred fix. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.stratlint`;

/** Server-side command (workspace/executeCommand): lint the document as a plan. Argument: the document URI. */
export const LINT_AS_PLAN_COMMAND = 'stratlint.server.lintAsPlan';

/** Client-side command the code lens and the status bar run: list the plan's principles. */
export const SHOW_PRINCIPLES_COMMAND = 'stratlint.showPrinciples';

export type PrincipleStatus = 'addressed' | 'partly' | 'missing';

export interface PrincipleCoverage {
  ruleId: string;
  description: string;
  docsUrl: string;
  status: PrincipleStatus;
}

/** After each lint of an open document: what the status bar shows for it. */
export interface StatusParams {
  uri: string;
  isPlan: boolean;
  errors: number;
  warnings: number;
  infos: number;
  principles: PrincipleCoverage[];
}

export const StatusNotification = new NotificationType<StatusParams>('stratlint/status');

/** The text of a new plan: every plan-level section template, in reading order. */
export const NewPlanTemplateRequest = new RequestType0<string, void>('stratlint/newPlanTemplate');

/** Client-side command: open the scorecard view beside the plan (the status bar item runs it too). */
export const SHOW_SCORECARD_COMMAND = 'stratlint.showScorecard';

export interface ScorecardResult {
  uri: string;
  /** The document version the scorecard describes. */
  version: number;
  scorecard: Scorecard;
}

/** The plan's scorecard as it is now; null when the document is not linted as a plan. */
export const ScorecardRequest = new RequestType<{ uri: string }, ScorecardResult | null, void>('stratlint/scorecard');

/** A file as the editor's file system has it (see ReadFileRequest). */
export type ReadFileResult = { kind: 'file'; text: string } | { kind: 'folder' } | { kind: 'none' } | { kind: 'tooLarge'; bytes: number } | { kind: 'unreadable'; reason: string };

/**
 * Server → client, in VS Code for the web only: the server there has no file system, so the
 * extension reads config and pack files for it. A file over `maxBytes` is not read.
 */
export const ReadFileRequest = new RequestType<{ uri: string; maxBytes: number }, ReadFileResult, void>('stratlint/readFile');
