/**
 * A generated corpus of plans, the same on every run (seeded): realistic lines taken from the
 * rules' fixtures and the shared strategy documents, arranged in sections under a title.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function proseLines(docsDir: string): string[] {
  const out: string[] = [];
  const rules = join(ROOT, 'test/rules');
  const files = readdirSync(rules).flatMap((r) => readdirSync(join(rules, r)).filter((f) => f.endsWith('.md')).map((f) => join(rules, r, f)));
  for (const f of [...files, ...readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => join(docsDir, f))]) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const clean = line.replace(/<!--.*?-->/g, '').trimEnd();
      // headings are placed by the generator; fences, HTML and front matter would swallow what follows
      if (clean.trim() && !/^(#|---|```|~~~|<|\w+:\s)/.test(clean)) out.push(clean);
    }
  }
  return out.sort();
}

const HEADINGS = ['Where we are', 'Target customers', 'Value proposition', 'Customer outcomes', 'Goals', 'Metrics', 'Key results', 'Capabilities', 'Risks', 'Ecosystem', 'Experiments', 'Trade-offs', 'Ownership', 'Timeline'];

export class PlanGenerator {
  private readonly lines: string[];
  private readonly next: () => number;

  constructor(docsDir: string, seed = 7) {
    this.lines = proseLines(docsDir);
    this.next = random(seed);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** A plan of about `lineCount` lines. */
  plan(n: number, lineCount: number): string {
    const out = ['---', 'stratlint: true', `period: 2026–2028`, '---', `# Customer strategy ${n}: plan ${n} for 2026–2028`, ''];
    let section = 0;
    while (out.length < lineCount) {
      if (out.length === 6 || this.next() < 0.04) out.push(`${this.next() < 0.3 ? '###' : '##'} ${this.pick(HEADINGS)} ${++section}`, '');
      else {
        const line = this.pick(this.lines);
        // link reference definitions stand apart from paragraphs, as writers place them
        if (/^\[[^\]]+\]:/.test(line)) out.push('', line, '');
        else out.push(line);
        if (this.next() < 0.75) out.push('');
      }
    }
    return `${out.join('\n')}\n`;
  }
}

export interface Corpus {
  /** 200 plans of 100–3,000 lines. */
  many: string;
  /** One 20,000-line plan. */
  long: string;
  /** One 5 MB plan. */
  huge: string;
  bytes: number;
}

export function writeCorpus(dir: string, docsDir: string): Corpus {
  const gen = new PlanGenerator(docsDir);
  const many = join(dir, 'many');
  mkdirSync(many, { recursive: true });
  let bytes = 0;
  const lengths = random(11);
  for (let i = 0; i < 200; i++) {
    const text = gen.plan(i, 100 + Math.floor(lengths() * 2900));
    bytes += Buffer.byteLength(text);
    writeFileSync(join(many, `plan-${String(i).padStart(3, '0')}.md`), text);
  }
  const long = join(dir, 'long-plan.md');
  writeFileSync(long, gen.plan(1000, 20_000));
  let huge = gen.plan(2000, 60_000);
  while (Buffer.byteLength(huge) < 5_000_000) huge += gen.plan(2001, 5_000).replace(/^---[^]*?---\n/, '').replace(/^# /m, '## ');
  const hugePath = join(dir, 'huge-plan.md');
  writeFileSync(hugePath, huge);
  return { many, long, huge: hugePath, bytes };
}
