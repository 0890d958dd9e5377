/**
 * Runs the engine on open documents: one run per document version, debounced, the newest
 * version winning. A run checks between its steps whether it went stale (the document changed,
 * settings or config files changed, or it was cancelled) and then stops without reporting.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  assessPlan,
  ConfigError,
  documentConfig,
  isPlan,
  lintDocument,
  lintPlan,
  lintSteps,
  parsePlan,
  resolveConfig,
  type Assessment,
  type DocumentLint,
  type Plan,
  type ResolvedConfig,
} from '../engine/index';
import type { SettingsSource } from './largeDocuments';
import type { Settings } from './settings';
import type { ConfigFallback } from './configProblems';
import { ChunkCache } from '../engine/plan/parse';
import { PatternMemo, withPatternMemo } from '../engine/patterns/memo';
import type { WorkspaceFolders } from './workspace';
import { LintWorkerError, type OffThreadLint } from './lintWorker';
import type { Platform } from './platform';

export interface LintOutcome {
  /** Unique per outcome: the pull diagnostics' result ID. */
  id: number;
  uri: string;
  version: number;
  generation: number;
  settings: Settings;
  /** Undefined when Stratlint is disabled for the document. */
  result?: DocumentLint;
  /** The config problem this run met. */
  configError?: ConfigError;
  /** What the run linted with instead: the document's last valid config, else the built-in rules. */
  configFallback?: ConfigFallback;
  /** Plan-level principles: how the plan addresses each (empty for non-plans). */
  assessments: Map<string, Assessment>;
}

/** The lint result when the document is a plan Stratlint is enabled for. */
export function planResult(outcome: LintOutcome | undefined): DocumentLint | undefined {
  return outcome?.result?.isPlan ? outcome.result : undefined;
}

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

interface Run {
  version: number;
  generation: number;
  promise: Promise<LintOutcome | undefined>;
  /** Start now instead of waiting for the debounce delay. */
  hurry(): void;
  cancel(): void;
}

/**
 * Documents larger than this are linted on a worker thread when they have no caches (opened,
 * saved, or not edited lately): a lint takes about 2 s per MB, and the server must keep answering
 * other requests meanwhile. Smaller ones, and ones being edited (whose caches make a lint cheap),
 * are linted here: a worker's start would only add latency, and a whole lint per keystroke on the
 * worker would show findings seconds late. The first edit of a large document fills its caches on
 * this thread in slices, so that other requests get in between (see `prime`).
 */
export const WORKER_MIN_CHARS = 256 * 1024;

/** How long the caches of a document are filled before other work gets a turn (see `Linter.prime`). */
const SLICE_MS = 50;

/**
 * A lint after a typing pause starts early by about the time the document's last lint took, so
 * that its findings are ready when the pause ends (and shown then, not before: typing goes on
 * undisturbed). It never starts earlier than this share of the pause: a lint that a keystroke
 * makes stale is work thrown away, and the start of a pause is when typing most often resumes.
 */
const EARLIEST_START_SHARE = 0.4;

let outcomes = 0;

/**
 * Documents whose read chunks and pattern answers are kept: the ones edited last. An edit
 * re-reads only the chunks it touched, and rules work only on the text that changed. A document
 * that is only open gets none: its lint's garbage then dies young, which keeps the heap small.
 */
const CACHED_DOCUMENTS = 8;

/** Slimmed results, with their plan's title line: every diagnostic on it reads that, and reading the plan again costs as much as the lint. */
const slimmed = new WeakMap<DocumentLint, number>();

/** The line of the plan's title, without reading a slimmed plan again. */
export function titleLine(result: DocumentLint): number {
  return slimmed.get(result) ?? result.plan.title.range.start.line;
}

interface DocumentCache {
  chunks: ChunkCache;
  patterns: PatternMemo;
}

export class Linter {
  private readonly results = new Map<string, LintOutcome>();
  private readonly running = new Map<string, Run>();
  private readonly lastValidConfig = new Map<string, ResolvedConfig>();
  private readonly forced = new Set<string>();
  private readonly preparing = new Set<string>();
  /** Documents whose caches are being filled (see `prime`): their lints wait for it. */
  private readonly priming = new Map<string, Promise<void>>();
  private readonly loggedRuleErrors = new Map<string, Set<string>>();
  /** Per document, most recently linted last. */
  private readonly caches = new Map<string, DocumentCache>();
  /** How long each document's last lint on this thread took, in ms (see EARLIEST_START_SHARE). */
  private readonly lintMs = new Map<string, number>();
  private generation = 0;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsSource,
    private readonly folders: WorkspaceFolders,
    private readonly log: Logger,
    /** Called with every fresh outcome. */
    private readonly onLinted: (outcome: LintOutcome) => void,
    private readonly platform: Platform,
  ) {}

  /** Settings or config files changed: every result is stale. */
  invalidate(): void {
    this.generation++;
  }

  /** "Lint this file as a plan". */
  forcePlan(uri: string): void {
    this.forced.add(uri);
    this.results.delete(uri);
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
  }

  forget(uri: string): void {
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
    this.results.delete(uri);
    this.lastValidConfig.delete(uri);
    this.loggedRuleErrors.delete(uri);
    this.forced.delete(uri);
    this.caches.delete(uri);
    this.lintMs.delete(uri);
  }

  /** The most recent outcome, whatever version it was for. */
  latest(uri: string): LintOutcome | undefined {
    return this.results.get(uri);
  }

  /**
   * Reads the chunks an edit changed right away, while the user types on: the lint after the
   * typing pause then finds them read. Cheap (the chunks touched, not the document), and at most
   * once per turn of the event loop however fast the edits come. At a document's first edit it
   * fills the caches instead (see `prime`).
   */
  prepare(uri: string): void {
    // Documents are also "changed" when opened: only one linted before is being edited.
    const last = this.results.get(uri);
    if (this.preparing.has(uri) || this.priming.has(uri) || !last) return;
    this.preparing.add(uri);
    setImmediate(() => {
      this.preparing.delete(uri);
      const text = this.documents.get(uri)?.getText();
      try {
        if (text === undefined) return;
        const fresh = !this.caches.has(uri);
        const cache = this.cacheFor(uri, text.length);
        if (!fresh) cache.chunks.prepare(text);
        else {
          const priming = this.prime(uri, text, cache, last.settings).finally(() => this.priming.delete(uri));
          this.priming.set(uri, priming);
        }
      } catch (e) {
        this.log.error(`stratlint: reading ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    });
  }

  /**
   * Fills a document's caches with a lint whose outcome is not shown: the lint after the pause then
   * works on the changed text only, from the first keystroke on. In slices of about SLICE_MS (a
   * large document's takes seconds), so that other requests, documents and edits get in between;
   * its lints wait for it. Stops if the document is closed or its caches dropped.
   */
  private async prime(uri: string, text: string, cache: DocumentCache, settings: Settings): Promise<void> {
    const gone = () => this.caches.get(uri) !== cache;
    try {
      while (!cache.chunks.prepare(text, performance.now() + SLICE_MS)) {
        await nextTurn();
        if (gone()) return;
      }
      if (!settings.enable || !planResult(this.results.get(uri))) return;
      const plan = parsePlan(text, cache.chunks);
      const config = this.configOf(uri, plan, this.target(uri, settings));
      const steps = lintSteps(plan, config.settings, config.knownRuleIds);
      for (let until = performance.now() + SLICE_MS; !withPatternMemo(cache.patterns, () => steps.next()).done; ) {
        if (performance.now() < until) continue;
        await nextTurn();
        if (gone()) return;
        until = performance.now() + SLICE_MS;
      }
    } catch (e) {
      this.log.error(`stratlint: reading ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Lints the document's current version after `delayMs` (runs for older versions are cancelled). */
  lint(uri: string, delayMs = 0): Promise<LintOutcome | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const done = this.results.get(uri);
    if (done && done.version === doc.version && done.generation === this.generation) return Promise.resolve(done);
    let run = this.running.get(uri);
    if (run && (run.version !== doc.version || run.generation !== this.generation)) {
      run.cancel();
      run = undefined;
    }
    if (!run) {
      run = this.start(doc, delayMs);
      this.running.set(uri, run);
    }
    if (delayMs === 0) run.hurry();
    return run.promise;
  }

  /** The outcome for the document as it is now, for requests that must match its text (code actions, hover…). */
  async current(uri: string, token?: CancellationToken, delayMs = 0): Promise<LintOutcome | undefined> {
    for (let attempt = 0; attempt < 5 && !token?.isCancellationRequested; attempt++) {
      const outcome = await this.lint(uri, attempt === 0 ? delayMs : 0);
      const doc = this.documents.get(uri);
      if (!doc) return undefined;
      if (outcome && outcome.version === doc.version) return token?.isCancellationRequested ? undefined : outcome;
    }
    return undefined;
  }

  private start(doc: TextDocument, delayMs: number): Run {
    const { uri, version } = doc;
    const generation = this.generation;
    let cancelled = false;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let wake = () => {};
    let hurried = false;
    const pauseEnds = performance.now() + delayMs;
    const lead = Math.min(delayMs * (1 - EARLIEST_START_SHARE), 1.5 * (this.lintMs.get(uri) ?? 0) + 5);
    const waited = new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, delayMs > 0 ? delayMs - lead : 0);
    });
    const stale = () => cancelled || generation !== this.generation || this.documents.get(uri)?.version !== version;
    const run: Run = {
      version,
      generation,
      hurry: () => {
        hurried = true;
        clearTimeout(timer);
        wake();
      },
      cancel: () => {
        cancelled = true;
        abort.abort();
        run.hurry();
      },
      promise: (async () => {
        await waited;
        if (stale()) return undefined;
        const settings = await this.settings.get(uri);
        if (stale()) return undefined;
        const outcome: LintOutcome = { id: ++outcomes, uri, version, generation, settings, assessments: new Map() };
        let lintedOffThread = false;
        if (settings.enable) {
          const text = doc.getText();
          const elsewhere = this.offThread(text) && !this.caches.has(uri) ? await this.lintOffThread(uri, text, settings, abort.signal) : undefined;
          if (stale() || elsewhere === null) return undefined;
          if (elsewhere) {
            Object.assign(outcome, elsewhere);
            lintedOffThread = true;
            this.caches.delete(uri); // kept from when it was smaller
            if (!elsewhere.configError) this.lastValidConfig.set(uri, elsewhere.result.config);
          } else {
            await this.priming.get(uri);
            if (stale()) return undefined;
            const cache = this.caches.has(uri) ? this.cacheFor(uri, text.length) : undefined;
            const plan = parsePlan(text, cache?.chunks);
            await nextTurn(); // let newer edits and cancellations in before the rules run
            if (stale()) return undefined;
            if (this.platform.fetchConfigFiles) {
              await this.platform.fetchConfigFiles(uri, () => documentConfig(plan, this.target(uri, settings)));
              if (stale()) return undefined;
            }
            const lint = () => {
              Object.assign(outcome, this.lintParsed(uri, plan, settings));
              if (outcome.result?.isPlan) outcome.assessments = assessPlan(plan, outcome.result.config.settings);
            };
            const started = performance.now();
            if (cache) {
              withPatternMemo(cache.patterns, lint);
              cache.patterns.sweep();
            } else lint();
            this.lintMs.set(uri, performance.now() - started);
          }
          this.logRuleErrors(uri, outcome.result);
        }
        // Linted ahead of the pause's end: shown when the pause ends, if no keystroke made it stale.
        if (!hurried && performance.now() < pauseEnds) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, pauseEnds - performance.now());
          });
        }
        if (stale()) return undefined;
        this.results.set(uri, outcome);
        // Not being edited, or other documents were since. A plan linted on a worker stays: reading it
        // again would hold this thread for seconds at the first request that needs it (code lens).
        if (!this.caches.has(uri) && !lintedOffThread) this.slim(uri);
        this.onLinted(outcome);
        return outcome;
      })()
        .catch((e: unknown) => {
          this.log.error(`stratlint: linting ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          return undefined;
        })
        .finally(() => {
          if (this.running.get(uri) === run) this.running.delete(uri);
        }),
    };
    return run;
  }

  /**
   * The document linted on a worker; undefined to lint it here instead (its config is broken,
   * or the worker failed, said in the log), null when it cannot be linted at all.
   */
  private async lintOffThread(uri: string, text: string, settings: Settings, signal: AbortSignal): Promise<OffThreadLint | undefined | null> {
    try {
      return await this.platform.workers.lint(text, this.target(uri, settings), signal);
    } catch (e) {
      if (e instanceof LintWorkerError && e.outOfMemory) {
        this.log.error(`stratlint: ${uri} was not linted: linting it ran out of memory`);
        return null;
      }
      this.log.error(`stratlint: linting ${uri} on a worker thread failed, linting it on the server's thread instead: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return undefined;
    }
  }

  /** Whether a text is linted on a worker thread (see WORKER_MIN_CHARS). */
  private offThread(text: string): boolean {
    return this.platform.workers.available && text.length > WORKER_MIN_CHARS;
  }

  private cacheFor(uri: string, size: number): DocumentCache {
    const cache = this.caches.get(uri) ?? { chunks: new ChunkCache(2 * size + 65_536), patterns: new PatternMemo() };
    this.caches.delete(uri);
    this.caches.set(uri, cache);
    for (const [other] of this.caches) {
      if (this.caches.size <= CACHED_DOCUMENTS) break;
      this.caches.delete(other);
      this.slim(other);
    }
    return cache;
  }

  /**
   * A document not edited lately keeps its findings; its plan model (the larger part) is read
   * again from its text if a request needs it. Many open plans then cost little memory.
   */
  private slim(uri: string): void {
    const outcome = this.results.get(uri);
    const result = outcome?.result;
    if (!outcome || !result || slimmed.has(result)) return;
    const { text } = result.plan;
    let plan: Plan | undefined;
    const slim: DocumentLint = Object.defineProperty({ ...result }, 'plan', { get: () => (plan ??= parsePlan(text)), enumerable: true });
    slimmed.set(slim, result.plan.title.range.start.line);
    outcome.result = slim;
  }

  /** The config a lint of the document uses: its last valid one while its config is broken (see lintParsed). */
  private configOf(uri: string, plan: Plan, target: LintTarget): ResolvedConfig {
    try {
      return documentConfig(plan, target);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return this.lastValidConfig.get(uri) ?? resolveConfig({ noConfig: true, filePath: target.filePath });
    }
  }

  private lintParsed(uri: string, plan: Plan, settings: Settings): Pick<LintOutcome, 'result' | 'configError' | 'configFallback'> {
    const linted = lintParsed(plan, this.target(uri, settings), this.lastValidConfig.get(uri));
    if (!linted.configError && linted.result) this.lastValidConfig.set(uri, linted.result.config);
    return linted;
  }

  private target(uri: string, settings: Settings): LintTarget {
    const filePath = this.platform.uriToPath(uri);
    return {
      filePath,
      forcePlan: this.forced.has(uri),
      stopDir: this.folders.boundaryOf(filePath),
      configFile: this.folders.resolveConfigPath(settings.configPath, filePath),
    };
  }

  /** A rule that throws costs its own findings only; say so once per rule and error. */
  private logRuleErrors(uri: string, result: DocumentLint | undefined): void {
    for (const { ruleId, error } of result?.ruleErrors ?? []) {
      const key = `${ruleId}: ${error.message}`;
      const seen = this.loggedRuleErrors.get(uri) ?? new Set<string>();
      this.loggedRuleErrors.set(uri, seen);
      if (seen.has(key)) continue;
      seen.add(key);
      this.log.error(`stratlint: rule ${ruleId} failed on ${uri} (its findings are missing): ${error.stack ?? error.message}`);
    }
  }
}

/** Where a document is and how to take it: plain data, so a lint worker can be given it too. */
export interface LintTarget {
  filePath: string | undefined;
  forcePlan: boolean;
  stopDir: string | undefined;
  configFile: string | undefined;
}

/** Lints a parsed document as the server does, on whichever thread; a broken config falls back to `lastValid`. */
export function lintParsed(plan: Plan, target: LintTarget, lastValid?: ResolvedConfig): Pick<LintOutcome, 'result' | 'configError' | 'configFallback'> {
  const { filePath, forcePlan } = target;
  try {
    return { result: lintDocument(plan.text, { ...target, plan }) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // A broken config must not take the findings away: lint with the last config that worked.
    const config = lastValid ?? resolveConfig({ noConfig: true, filePath });
    const planLike = forcePlan || isPlan(plan, filePath, config.files);
    const found = planLike ? lintPlan(plan, config.settings, config.knownRuleIds) : { plan, findings: [], ruleErrors: [] };
    return { result: { ...found, isPlan: planLike, config }, configError: e, configFallback: lastValid ? 'last valid' : 'built-in' };
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
