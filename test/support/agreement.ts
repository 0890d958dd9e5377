/**
 * How closely Stratlint's findings agree with a strategy reviewer's labels of real plans, scored
 * by the labelling protocol the labels were made with: a plan-level rule must fire where the
 * reviewer says "missing" and must not where they say "addressed" or "not-applicable" ("partly"
 * counts neither way); a span finding is right when its lines (±1) cover a label of its rule, and
 * every "clear" label must be covered ("borderline" ones need not be).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lintDocument } from '../../server/src/engine/index';

interface Label {
  planLevel: Record<string, { status: 'addressed' | 'partly' | 'missing' | 'not-applicable' }>;
  spans?: { rule: string; line: number; confidence: 'clear' | 'borderline' }[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Agreement {
  documents: number;
  plan: Tally;
  span: Tally;
}

/** Scores every document of `docsDir` that has a label file in `labelsDir`. */
/** `only`: the documents to score, by number ("63" for 63-name.md); all labelled ones when absent. */
export function agreement(docsDir: string, labelsDir: string, only?: readonly string[]): Agreement {
  const plan: Tally = { tp: 0, fp: 0, fn: 0 };
  const span: Tally = { tp: 0, fp: 0, fn: 0 };
  const docs = readdirSync(docsDir).filter(
    (f) => f.endsWith('.md') && existsSync(join(labelsDir, `${basename(f, '.md')}.json`)) && (!only || only.includes(f.split('-')[0])),
  );
  for (const doc of docs) {
    const label = JSON.parse(readFileSync(join(labelsDir, `${basename(doc, '.md')}.json`), 'utf8')) as Label;
    const text = readFileSync(join(docsDir, doc), 'utf8');
    const findings = lintDocument(text, { filePath: join(docsDir, doc), forcePlan: true, noConfig: true }).findings.map((f) => ({
      ruleId: f.ruleId,
      line: f.range.start.line + 1,
      endLine: f.range.end.line + 1,
    }));
    for (const [id, v] of Object.entries(label.planLevel)) {
      if (v.status === 'partly') continue;
      const fires = findings.some((f) => f.ruleId === id);
      const missing = v.status === 'missing';
      if (fires && missing) plan.tp++;
      else if (fires) plan.fp++;
      else if (missing) plan.fn++;
    }
    const labels = label.spans ?? [];
    const covers = (f: { line: number; endLine: number }, line: number) => line >= f.line - 1 && line <= f.endLine + 1;
    const spanFindings = findings.filter((f) => !(f.ruleId in label.planLevel) && f.ruleId !== 'unknown-rule');
    for (const f of spanFindings) {
      if (labels.some((l) => l.rule === f.ruleId && covers(f, l.line))) span.tp++;
      else span.fp++;
    }
    for (const l of labels) if (l.confidence === 'clear' && !spanFindings.some((f) => f.ruleId === l.rule && covers(f, l.line))) span.fn++;
  }
  return { documents: docs.length, plan, span };
}

export function scores(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp / (t.tp + t.fp);
  const r = t.tp / (t.tp + t.fn);
  return { p, r, f1: (2 * p * r) / (p + r) };
}

/** The parts of a labelled set (corpus/parts.json): documents read while improving the reading, and documents held out. */
export interface Parts {
  development: string[];
  heldOut: string[];
}

export function readParts(dir: string): Parts | undefined {
  const file = join(dir, 'parts.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Parts) : undefined;
}
