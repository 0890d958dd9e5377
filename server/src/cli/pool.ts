/**
 * Lints many files on worker threads, one per core, yielding results in the order of the jobs
 * as soon as each is ready. Each worker reads its own files and sends back findings only (see
 * lint-file.ts). The main thread lints too, between handing out files and yielding results: on
 * two cores one worker and the main thread keep both busy, and each engine a thread holds (its
 * patterns' compiled automata, its heap) costs memory.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/index';
import { lintFile, type LintJob, type Linted, type RunSettings } from './lint-file';
import { ReadError } from './read';

/** Fewer files than this per thread are linted faster than workers start. */
const MIN_FILES_PER_WORKER = 4;
/**
 * Fewer bytes than this in all are linted faster on this thread alone: a worker loads its engine
 * cold (measured on 2 cores: the 22 plans of the shared corpus, 0.4 MB, 2.2 s alone against 2.5 s
 * with a worker; 85 plans, 0.7 MB, about even).
 */
const MIN_BYTES_FOR_WORKERS = 1_000_000;
const MAX_THREADS = 8;
const WORKER_FLAG = 'stratlint-lint-worker';

/** A ConfigError or ReadError raised in a worker: the same message and exit code as in the main thread. */
export class WorkerFileError extends Error {}

type Reply = { index: number; linted: Linted } | { index: number; error: string; expected: boolean };

export async function* lintFiles(jobs: readonly LintJob[], run: RunSettings): AsyncGenerator<Linted> {
  const workers = Math.min(availableParallelism(), Math.floor(jobs.length / MIN_FILES_PER_WORKER), MAX_THREADS) - 1;
  // Workers run the bundled CLI (dist/cli.js); from TypeScript sources (tests) the files are linted here.
  if (workers < 1 || !__filename.endsWith('.js') || totalBytes(jobs) < MIN_BYTES_FOR_WORKERS) {
    for (const job of jobs) yield lintFile(job, run);
    return;
  }
  yield* inWorkers(jobs, run, workers);
}

/** The size of the files to lint, as far as it is known before they are read (a file that cannot be read counts nothing). */
function totalBytes(jobs: readonly LintJob[]): number {
  let total = 0;
  for (const job of jobs) {
    if (total >= MIN_BYTES_FOR_WORKERS) break;
    try {
      total += statSync(job.path).size;
    } catch {
      // lintFile reports it.
    }
  }
  return total;
}

/** Results waiting for an earlier, slower file, per thread: enough to keep workers busy, never the whole run. */
const AHEAD_PER_THREAD = 8;
/** Files queued at a worker: it keeps working while the main thread lints a file of its own. */
const QUEUED_PER_WORKER = 3;

async function* inWorkers(jobs: readonly LintJob[], run: RunSettings, count: number): AsyncGenerator<Linted> {
  const done = new Map<number, Reply>();
  let wake = () => {};
  let next = 0;
  let yielded = 0;
  let failure: Error | undefined;
  const window = AHEAD_PER_THREAD * (count + 1);
  const pool = Array.from({ length: count }, () => startWorker({ flag: WORKER_FLAG, run }));
  const inFlight = new Map<Worker, number>(pool.map((w) => [w, 0]));
  const feed = () => {
    for (const w of pool) {
      while (inFlight.get(w)! < QUEUED_PER_WORKER && next < jobs.length && next < yielded + window) {
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
        if (next < jobs.length && next < yielded + window) {
          // Workers are fed: take the next file here, then let their replies in.
          const index = next++;
          done.set(index, lintHere(index, jobs[index], run));
          await turn();
        } else {
          await new Promise<void>((resolve) => (wake = resolve));
        }
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

/** Lints a file as a worker would, with a failure as a reply: the main thread reports it in job order. */
/**
 * A worker running this bundle, loaded with the V8 code cache the bins keep (bin/code-cache.js,
 * beside dist/ in the package) where it is: compiling the 2 MB bundle afresh took each worker
 * about 200 ms of CPU before its first file.
 */
function startWorker(data: unknown): Worker {
  const loader = join(__dirname, '..', 'bin', 'code-cache.js');
  if (!existsSync(loader)) return new Worker(__filename, { workerData: data });
  return new Worker(`require(${JSON.stringify(loader)})(${JSON.stringify(__filename)});`, { eval: true, workerData: data });
}

function lintHere(index: number, job: LintJob, run: RunSettings): Reply {
  try {
    return { index, linted: lintFile(job, run) };
  } catch (e) {
    const expected = e instanceof ConfigError || e instanceof ReadError;
    return { index, error: expected ? (e as Error).message : ((e as Error).stack ?? String(e)), expected };
  }
}

function serveAsWorker(): void {
  const run = (workerData as { run: RunSettings }).run;
  parentPort!.on('message', ({ index, job }: { index: number; job: LintJob }) => {
    parentPort!.postMessage(lintHere(index, job, run));
  });
}

if (!isMainThread && (workerData as { flag?: string } | undefined)?.flag === WORKER_FLAG) serveAsWorker();
