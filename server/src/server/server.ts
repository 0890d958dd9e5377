/**
 * The Stratlint language server: wires LSP requests to the engine through the features in
 * ./features. Any LSP client can use it (`stratlint-ls --stdio`); the VS Code extension runs it
 * over IPC. Every handler is guarded: a failure is logged and answered with nothing, never a crash.
 */
import { basename, join } from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblems } from './configProblems';
import { engineSide } from './engineSide';
import type { Linter, LintOutcome } from './linting';
import { FIX_ALL_KIND, LINT_AS_PLAN_COMMAND, NewPlanTemplateRequest, type InitializationOptions, ScorecardRequest, StatusNotification } from './protocol';
import type { SizedSettings } from './largeDocuments';
import { SettingsStore } from './settings';
import type { Platform } from './platform';
import { WorkspaceFolders } from './workspace';

/** How long typing must pause before a lint runs. */
export const DEBOUNCE_MS = 250;

declare const STRATLINT_VERSION: string | undefined;
const VERSION = typeof STRATLINT_VERSION === 'string' ? STRATLINT_VERSION : 'dev';

export function startServer(connection: Connection, platform: Platform): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders(platform.uriToPath);
  const savedVersion = new Map<string, number>();
  /** The outcome each document's diagnostics and status show. */
  const shown = new Map<string, number>();
  let caps: ClientCapabilities = {};
  let pull = false;
  /** The client outlines Markdown itself: the plan's sections are not listed a second time. */
  let editorOutline = false;
  let store: SettingsStore;
  /** The parts that need the engine, made when a handler first runs (see `load`). */
  let engine: ReturnType<typeof engineSide>;
  let configProblems: ConfigProblems;
  /** The settings as they apply to each document's size. */
  let settings: SizedSettings;
  let linter: Linter;
  const log = { error: (m: string) => connection.console.error(m), info: (m: string) => connection.console.info(m) };

  /** Loads the engine's side once `initialize` is answered: at `initialized`, or at whatever handler runs first. */
  function load(): void {
    if (engine) return;
    engine = engineSide();
    configProblems = new engine.ConfigProblems(connection, platform.pathToUri);
    // A notification, not window/showMessageRequest: a client without that request must not bring the server down.
    settings = new engine.SizedSettings(documents, store, (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }));
    linter = new engine.Linter(documents, settings, folders, log, linted, platform);
  }

  /** Runs a handler; an exception is logged and answered with `fallback`. */
  function guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        load();
        return await handler(...args);
      } catch (e) {
        log.error(`stratlint: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
  }

  function linted(outcome: LintOutcome): void {
    platform.linted();
    // onSave: a lint that a request (hover, code action) ran on unsaved text is not shown
    if (outcome.settings.run === 'onSave' && savedVersion.get(outcome.uri) !== outcome.version) return;
    shown.set(outcome.uri, outcome.id);
    configProblems.set(outcome.uri, outcome.configError, outcome.configFallback);
    if (!pull) void connection.sendDiagnostics({ uri: outcome.uri, version: outcome.version, diagnostics: engine.diagnosticsOf(outcome) });
    void connection.sendNotification(StatusNotification, engine.statusOf(outcome));
  }

  /**
   * The outcome for the text as it is now. Editors ask for code actions, symbols and lenses on
   * every keystroke: these requests wait for the debounced run instead of linting each version.
   */
  function settled(uri: string, token: CancellationToken): Promise<LintOutcome | undefined> {
    if (settings.isLarge(uri)) {
      // A lint of a huge document blocks the server for seconds: only the saved text's lint answers.
      const latest = linter.latest(uri);
      return Promise.resolve(latest?.version === documents.get(uri)?.version ? latest : undefined);
    }
    return linter.current(uri, token, DEBOUNCE_MS);
  }

  /** Lints every open document again (settings or config files changed). */
  function relintAll(): void {
    linter.invalidate();
    if (pull && caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    for (const doc of documents.all()) void linter.lint(doc.uri);
    if (caps.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  connection.onInitialize((params): InitializeResult => {
    caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const options = params.initializationOptions as InitializationOptions | undefined;
    editorOutline = options?.editorOutline === true;
    store = new SettingsStore(connection, !!caps.workspace?.configuration, options?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: editorOutline ? undefined : { label: 'Stratlint' },
        completionProvider: {},
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [LINT_AS_PLAN_COMMAND] },
        diagnosticProvider: pull ? { identifier: 'stratlint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'stratlint-ls', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    load();
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'stratlint' });
    }
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // config files anywhere, and the packs they extend (YAML or JSON)
      const watchers = [`**/{${engine.CONFIG_NAMES.join(',')}}`, '**/*.{yaml,yml,json}'].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders.remove(e.removed.map((f) => f.uri));
        folders.add(e.added.map((f) => f.uri));
        relintAll();
      });
    }
  });

  connection.onDidChangeConfiguration(
    guard('settings change', undefined, (params) => {
      store.changed(params.settings);
      relintAll();
    }),
  );

  // Config files and the packs they extend: only a change to one in use (or a new config) matters.
  connection.onDidChangeWatchedFiles(
    guard('config change', undefined, (params) => {
      platform.filesChanged?.();
      const inUse = new Set(documents.all().flatMap((d) => linter.latest(d.uri)?.result?.config.sources ?? []));
      const relevant = params.changes.some(({ uri }) => {
        const path = platform.uriToPath(uri);
        return !!path && (engine.CONFIG_NAMES.includes(basename(path)) || inUse.has(path) || [...configProblems.files()].includes(path));
      });
      if (relevant) relintAll();
    }),
  );

  documents.onDidOpen(
    guard('open', undefined, (e) => {
      savedVersion.set(e.document.uri, e.document.version);
      void linter.lint(e.document.uri);
    }),
  );
  documents.onDidChangeContent(
    guard('change', undefined, async (e) => {
      if ((await settings.get(e.document.uri)).run !== 'onType') return;
      linter.prepare(e.document.uri);
      void linter.lint(e.document.uri, DEBOUNCE_MS);
    }),
  );
  documents.onDidSave(
    guard('save', undefined, async (e) => {
      savedVersion.set(e.document.uri, e.document.version);
      if ((await settings.get(e.document.uri)).run !== 'onSave') return;
      if (pull) {
        void connection.languages.diagnostics.refresh();
        return;
      }
      // a request may have linted this text already, before it was saved: show that result now
      const outcome = await linter.lint(e.document.uri);
      if (outcome && shown.get(outcome.uri) !== outcome.id) linted(outcome);
    }),
  );
  documents.onDidClose(
    guard('close', undefined, (e) => {
      const uri = e.document.uri;
      linter.forget(uri);
      savedVersion.delete(uri);
      shown.delete(uri);
      store.forget(uri);
      settings.forget(uri);
      configProblems.set(uri, undefined);
      if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  connection.languages.diagnostics.on(
    guard('pull diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // onSave: between saves the client keeps what the last saved text produced
      const onSave = (await settings.get(uri)).run === 'onSave' && savedVersion.get(uri) !== doc.version;
      // A lint overtaken by newer typing answers with the last result: markers stay until the next is ready.
      const outcome = onSave ? linter.latest(uri) : ((await settled(uri, token)) ?? linter.latest(uri));
      return engine.diagnosticReport(outcome, params.previousResultId);
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], async (params, token) => {
      const outcome = await settled(params.textDocument.uri, token);
      const resolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
      return engine.codeActions(outcome, params, { documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges, resolveEdits });
    }),
  );
  connection.onCodeActionResolve(async (action, token) => {
    const uri = (action.data as { uri?: string } | undefined)?.uri;
    const resolve = guard('fix all', action, async () =>
      engine.resolveFixAll(action, uri ? await settled(uri, token) : undefined, { documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges }),
    );
    return resolve();
  });

  connection.onHover(guard('hover', null, async (params, token) => engine.hover(await settled(params.textDocument.uri, token), params.position)));
  connection.onDocumentSymbol(guard('symbols', [], async (params, token) => engine.documentSymbols(await settled(params.textDocument.uri, token))));
  connection.onCodeLens(guard('code lens', [], async (params, token) => engine.codeLenses(await settled(params.textDocument.uri, token), editorOutline)));
  connection.onCompletion(
    guard('completion', [], async (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const lineText = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
      if (!engine.startsHeading(lineText)) return []; // every space typed asks: answer without linting
      const snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
      return engine.completions(await settled(doc.uri, token), params.position, lineText, snippets);
    }),
  );

  connection.onExecuteCommand(
    guard('command', undefined, async (params) => {
      if (params.command !== LINT_AS_PLAN_COMMAND) return;
      const uri = params.arguments?.[0];
      if (typeof uri !== 'string' || !documents.get(uri)) return;
      linter.forcePlan(uri);
      if (pull) void connection.languages.diagnostics.refresh();
      await linter.lint(uri);
      if (caps.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    }),
  );

  connection.onRequest(
    NewPlanTemplateRequest,
    guard('new plan', '', () => {
      const folder = folders.folderOf(undefined); // the workspace's config shapes the template
      return engine.newPlanTemplate(folder ? { stopDir: folder, filePath: join(folder, 'new-strategy-plan.md') } : { noConfig: true });
    }),
  );

  connection.onRequest(ScorecardRequest, guard('scorecard', null, async (params, token) => engine.scorecardOf(await settled(params.uri, token))));

  documents.listen(connection);
  connection.listen();
}
