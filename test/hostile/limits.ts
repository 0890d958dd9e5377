/**
 * Runs a Stratlint process under limits the test enforces: it is killed past `timeoutMs` or once
 * its resident memory passes `maxRssMb` (read from /proc every 50 ms), and the test then fails
 * saying which limit it hit, instead of hanging or taking the machine down.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'stratlint.js');
export const SERVER = join(ROOT, 'bin', 'stratlint-ls.js');

/** `npm run fuzz` sets FUZZ_SCALE: the long versions of the size-driven cases. */
export const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);

export interface Limits {
  timeoutMs: number;
  maxRssMb: number;
}

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb: number;
  /** The limit that killed it, if one did. */
  killed?: 'time' | 'memory';
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Watches a child: kills it past the limits; resolves when it exits. */
export function watch(child: ChildProcess, limits: Limits): Promise<Outcome> {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  let peak = 0;
  let killed: Outcome['killed'];
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const kill = (why: 'time' | 'memory') => {
    killed ??= why;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(() => kill('time'), limits.timeoutMs);
  const poll = setInterval(() => {
    peak = Math.max(peak, rssMb(child.pid!));
    if (peak > limits.maxRssMb) kill('memory');
  }, 50);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      // stdout/stderr may still hold data: let the streams end first
      setImmediate(() => resolve({ code, stdout, stderr, ms: Date.now() - started, peakRssMb: Math.round(peak), killed }));
    });
  });
}

/** Runs the built CLI in `cwd` under the limits. */
export function cli(args: string[], cwd: string, limits: Limits = { timeoutMs: 20_000, maxRssMb: 400 }): Promise<Outcome> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return watch(child, limits);
}

/** A throwaway folder, removed when the test file ends. */
export function tempDir(prefix = 'stratlint-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Fails with what the limit or the exit code says, for a readable assertion message. */
export function describeOutcome(o: Outcome): string {
  return `exit ${o.code}${o.killed ? `, killed (${o.killed})` : ''} after ${o.ms} ms, peak ${o.peakRssMb} MB\nstderr: ${o.stderr.slice(0, 600)}`;
}

/** A plan of about `chars` characters: the clinic example's sections over and over, with a buzzword up front. */
export function hugePlan(chars: number): string {
  const clinic = readFileSync(join(ROOT, 'examples', 'clinic-scheduling-strategy.md'), 'utf8');
  const sections = clinic.slice(clinic.indexOf('\n## '));
  const head = clinic.slice(0, clinic.indexOf('\n## ')) + '\n\n## Promise\n\nWe offer world-class service.\n';
  return head + sections.repeat(Math.ceil(chars / sections.length));
}
