/**
 * Lints a large document on a worker thread, so that the server keeps answering meanwhile. The
 * worker (dist/lint-worker.js, see lintWorkerMain.ts) runs the same engine call as the main
 * thread (`lintParsed`) and sends back the findings, the assessments and the parsed plan; the
 * main thread resolves the config again (cheap, and its rules cannot be sent between threads).
 * One worker per lint: a lint made stale by a newer version is stopped by ending its worker.
 *
 * A broken config does not bring the lint back to the main thread (that blocked the server for
 * seconds per MB): the worker lints with the built-in rules, as the main thread does for a
 * document that never had a valid config, and the config problem says so (a small document keeps
 * its last valid config instead: that config's rules live on the main thread only).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigError, documentConfig, resolveConfig, type Assessment, type DocumentLint, type Finding, type Plan, type ResolvedConfig } from '../engine/index';
import { LineIndex } from '../engine/plan/positions';
import type { LintTarget } from './linting';

/** What the worker is given. */
export interface WorkerJob {
  text: string;
  target: LintTarget;
}

/** The plan as sent between threads: its text and line index are rebuilt from the text the main thread has. */
export type SentPlan = Omit<Plan, 'text' | 'lines'>;

export type WorkerReply =
  | {
      isPlan: boolean;
      findings: Finding[];
      ruleErrors: { ruleId: string; message: string; stack?: string }[];
      assessments: [string, Assessment][];
      plan: SentPlan;
    }
  | { error: string };

export interface OffThreadLint {
  result: DocumentLint;
  assessments: Map<string, Assessment>;
  /** The config problem the lint met (it then used the built-in rules). */
  configError?: ConfigError;
  configFallback?: 'built-in';
}

/** A worker that failed: `outOfMemory` when the document was too much for its heap (the main thread's would fare no better). */
export class LintWorkerError extends Error {
  constructor(
    message: string,
    readonly outOfMemory = false,
  ) {
    super(message);
  }
}

export class LintWorkers {
  private readonly present: boolean;

  /** The bundle's worker script, next to dist/server.js; absent when the server runs from TypeScript sources (tests), which then lint on the main thread. */
  constructor(private readonly script = join(__dirname, 'lint-worker.js')) {
    this.present = existsSync(script);
  }

  get available(): boolean {
    return this.present;
  }

  /**
   * Lints `text` on a new worker. Resolves undefined when `signal` aborts (the worker is ended);
   * rejects with a LintWorkerError when the worker fails.
   */
  lint(text: string, target: LintTarget, signal: AbortSignal): Promise<OffThreadLint | undefined> {
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise<OffThreadLint | undefined>((resolve, reject) => {
      const worker = new Worker(this.script, { workerData: { text, target } satisfies WorkerJob });
      let settled = false;
      const settle = (then: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', abort);
        void worker.terminate();
        then();
      };
      const abort = () => settle(() => resolve(undefined));
      signal.addEventListener('abort', abort);
      worker.on('message', (reply: WorkerReply) =>
        settle(() => {
          if ('error' in reply) reject(new LintWorkerError(reply.error));
          else {
            try {
              resolve(assemble(text, target, reply));
            } catch (e) {
              reject(e);
            }
          }
        }),
      );
      worker.on('error', (e: Error & { code?: string }) =>
        settle(() => reject(new LintWorkerError(e.stack ?? e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY'))),
      );
      worker.on('exit', (code) => settle(() => reject(new LintWorkerError(`the lint worker stopped (exit code ${code}) without an answer`))));
    });
  }
}

/** The worker's answer as the main thread's lint would have it. */
function assemble(text: string, target: LintTarget, reply: Extract<WorkerReply, { isPlan: boolean }>): OffThreadLint {
  const plan: Plan = { ...reply.plan, text, lines: new LineIndex(text) };
  const ruleErrors = reply.ruleErrors.map(({ ruleId, message, stack }) => ({ ruleId, error: Object.assign(new Error(message), { stack }) }));
  let config: ResolvedConfig;
  let configError: ConfigError | undefined;
  try {
    config = documentConfig(plan, target);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    configError = e;
    config = resolveConfig({ noConfig: true, filePath: target.filePath });
  }
  const result: DocumentLint = { plan, findings: reply.findings, ruleErrors, isPlan: reply.isPlan, config };
  return { result, assessments: new Map(reply.assessments), configError, configFallback: configError && 'built-in' };
}
