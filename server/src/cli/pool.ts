/**
 * Lints many files on worker threads, one per core, yielding results in the order of the jobs
 * as soon as each is ready. Each worker reads its own files, so the main thread never holds a
 * parsed plan: only the text and findings the formatters need.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/index';
import { lintFile, type LintJob, type Linted, type RunSettings } from './lint-file';
import { ReadError } from './read';

/** Fewer files than this are linted faster than workers start. */
const MIN_FILES_PER_WORKER = 4;
const WORKER_FLAG = 'stratlint-lint-worker';

/** A ConfigError or ReadError raised in a worker: the same message and exit code as in the main thread. */
export class WorkerFileError extends Error {}

type Reply = { index: number; linted: Linted } | { index: number; error: string; expected: boolean };

export async function* lintFiles(jobs: readonly LintJob[], run: RunSettings): AsyncGenerator<Linted> {
  const workers = Math.min(availableParallelism(), Math.floor(jobs.length / MIN_FILES_PER_WORKER), 8);
  // Workers run the bundled CLI (dist/cli.js); from TypeScript sources (tests) the files are linted here.
  if (workers < 2 || !__filename.endsWith('.js')) {
    for (const job of jobs) yield lintFile(job, run);
    return;
  }
  yield* inWorkers(jobs, run, workers);
}

/** Results waiting for an earlier, slower file, per worker: enough to keep workers busy, never the whole run. */
const AHEAD_PER_WORKER = 8;

async function* inWorkers(jobs: readonly LintJob[], run: RunSettings, count: number): AsyncGenerator<Linted> {
  const done = new Map<number, Reply>();
  let wake = () => {};
  let next = 0;
  let yielded = 0;
  let failure: Error | undefined;
  const pool = Array.from({ length: count }, () => new Worker(__filename, { workerData: { flag: WORKER_FLAG, run } }));
  const inFlight = new Map<Worker, number>(pool.map((w) => [w, 0]));
  // Two files in flight per worker (it never waits for the main thread between files), within the window.
  const feed = () => {
    for (const w of pool) {
      while (inFlight.get(w)! < 2 && next < jobs.length && next < yielded + AHEAD_PER_WORKER * count) {
        inFlight.set(w, inFlight.get(w)! + 1);
        w.postMessage({ index: next, job: jobs[next++] });
      }
    }
  };
  for (const w of pool) {
    w.on('message', (reply: Reply) => {
      done.set(reply.index, reply);
      inFlight.set(w, inFlight.get(w)! - 1);
      feed();
      wake();
    });
    w.on('error', (e) => {
      failure = e;
      wake();
    });
    w.on('exit', (code) => {
      failure ??= new Error(`a lint worker stopped (exit code ${code})`);
      wake();
    });
  }
  feed();
  try {
    for (; yielded < jobs.length; yielded++) {
      while (!done.has(yielded)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const reply = done.get(yielded)!;
      done.delete(yielded);
      if ('error' in reply) throw reply.expected ? new WorkerFileError(reply.error) : new Error(reply.error);
      yield reply.linted;
      feed();
    }
  } finally {
    for (const w of pool) w.removeAllListeners('exit');
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function serveAsWorker(): void {
  const run = (workerData as { run: RunSettings }).run;
  parentPort!.on('message', ({ index, job }: { index: number; job: LintJob }) => {
    let reply: Reply;
    try {
      reply = { index, linted: lintFile(job, run) };
    } catch (e) {
      const expected = e instanceof ConfigError || e instanceof ReadError;
      reply = { index, error: expected ? (e as Error).message : ((e as Error).stack ?? String(e)), expected };
    }
    parentPort!.postMessage(reply);
  });
}

if (!isMainThread && (workerData as { flag?: string } | undefined)?.flag === WORKER_FLAG) serveAsWorker();
