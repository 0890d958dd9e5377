/**
 * Entry of dist/lint-worker.js: lints one document (workerData, see lintWorker.ts) with the
 * engine, as the server's main thread would, and posts the reply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { assessPlan } from '../engine/index';
import { parsePlan } from '../engine/plan/parse';
import { lintParsed } from './linting';
import type { WorkerJob, WorkerReply } from './lintWorker';

function lintJob({ text, target }: WorkerJob): WorkerReply {
  const plan = parsePlan(text);
  // A broken config: lintParsed lints with the built-in rules, here rather than on the server's thread.
  const { result } = lintParsed(plan, target);
  if (!result) return { error: 'the lint gave no result' };
  const { text: _text, lines: _lines, ...sent } = plan;
  return {
    isPlan: result.isPlan,
    findings: result.findings,
    ruleErrors: result.ruleErrors.map(({ ruleId, error }) => ({ ruleId, message: error.message, stack: error.stack })),
    assessments: result.isPlan ? [...assessPlan(plan, result.config.settings)] : [],
    plan: sent,
  };
}

let reply: WorkerReply;
try {
  reply = lintJob(workerData as WorkerJob);
} catch (e) {
  reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
parentPort!.postMessage(reply);
