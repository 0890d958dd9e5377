import type { HtmlComment, Plan } from './plan/model';
import type { Range } from './plan/positions';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule IDs named, each with its range; empty means every rule. */
  rules: { id: string; range: Range }[];
  /** Everything after ` -- `, expiry included. */
  reason?: string;
  /** `until YYYY-MM-DD` in the reason: the last day the directive suppresses anything. */
  until?: string;
  /** The until date has passed: the directive suppresses nothing any more. */
  expired: boolean;
  /** `until` followed by a date that is not a real one written YYYY-MM-DD (the directive then never expires). */
  badUntil?: string;
  /** The IDs of the rules whose findings it silenced in this run, filled in while rules report. */
  suppressed: Set<string>;
  range: Range;
  /** Lines the directive covers: the comment's own lines for disable-line, the next line for disable-next-line. */
  firstLine: number;
  lastLine: number;
}

const DIRECTIVE = /^(\s*)stratlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([^]*)$/;

/**
 * Rules about the directives themselves: they run after every other rule (unused-suppression needs
 * to know what the others reported) and their findings cannot be switched off by a directive, so
 * that a comment can never hide its own problem.
 */
export const DIRECTIVE_RULES: ReadonlySet<string> = new Set(['unknown-rule', 'expired-suppression', 'unused-suppression', 'suppression-reason']);

/** Today as YYYY-MM-DD in local time: an expiry date means the end of that day where the author is. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The `<!-- stratlint-… -->` comments of a plan, in document order; `today` decides which have expired. */
export function parseDirectives(plan: Plan, today = localToday()): Directive[] {
  const out: Directive[] = [];
  for (const c of plan.comments) {
    const d = parseComment(plan, c, today);
    if (d) out.push(d);
  }
  return out;
}

/** `until` and something written as a date (three numbers), so that 31/12/2020 or 2027-2-3 is not silently no date at all. */
export const UNTIL = /\buntil\s+(\d+[./-]\d+[./-]\d+)\b/i;

/** The date when written as YYYY-MM-DD and real, else undefined. */
function realDate(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function parseComment(plan: Plan, c: HtmlComment, today: string): Directive | undefined {
  const m = DIRECTIVE.exec(c.body);
  if (!m) return undefined;
  const kind = m[2] as DirectiveKind;
  const bodyStart = c.start + 4; // after "<!--"
  const argsStart = bodyStart + m[1].length + 'stratlint-'.length + kind.length;
  const [list, ...reasonParts] = m[3].split(/\s--\s?|\s--$/);
  const reason = reasonParts.join(' -- ').trim() || undefined;
  const rules: Directive['rules'] = [];
  const idRe = /[^\s,]+/g;
  for (let r = idRe.exec(list); r; r = idRe.exec(list)) {
    const s = argsStart + r.index;
    rules.push({ id: r[0], range: plan.lines.range(s, s + r[0].length) });
  }
  const range = plan.lines.range(c.start, c.end);
  const line = kind === 'disable-next-line' ? range.end.line + 1 : range.start.line;
  const written = reason ? UNTIL.exec(reason)?.[1] : undefined;
  const until = written ? realDate(written) : undefined;
  return {
    kind,
    rules,
    reason,
    until,
    expired: until !== undefined && until < today,
    badUntil: written && !until ? written : undefined,
    suppressed: new Set(),
    range,
    firstLine: line,
    lastLine: kind === 'disable-line' ? range.end.line : line,
  };
}

/** Decides whether a rule's finding on a line is switched off by the directives. */
export class Suppressions {
  constructor(private readonly directives: readonly Directive[]) {}

  /** The directive that switches the rule off on the line, if any; it is marked as having suppressed the rule. */
  find(ruleId: string, line: number): Directive | undefined {
    const d = this.active(ruleId, line);
    d?.suppressed.add(ruleId);
    return d;
  }

  private active(ruleId: string, line: number): Directive | undefined {
    const names = (d: Directive) => d.rules.length === 0 || d.rules.some((r) => r.id === ruleId);
    let active: Directive | undefined;
    for (const d of this.directives) {
      if (d.expired || !names(d)) continue;
      switch (d.kind) {
        case 'disable-file':
          return d;
        case 'disable-next-line':
        case 'disable-line':
          if (line >= d.firstLine && line <= d.lastLine) return d;
          break;
        case 'disable':
          if (d.range.start.line <= line) active = d;
          break;
        case 'enable':
          if (d.range.start.line <= line) active = undefined;
          break;
      }
    }
    return active;
  }
}
