import type { HtmlComment, Plan } from './plan/model';
import type { Range } from './plan/positions';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule IDs named, each with its range; empty means every rule. */
  rules: { id: string; range: Range }[];
  reason?: string;
  /** `until YYYY-MM-DD` in the reason. */
  until?: string;
  range: Range;
  /** Lines the directive covers: the comment's own lines for disable-line, the next line for disable-next-line. */
  firstLine: number;
  lastLine: number;
}

const DIRECTIVE = /^(\s*)stratlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([^]*)$/;

/** The `<!-- stratlint-… -->` comments of a plan, in document order. */
export function parseDirectives(plan: Plan): Directive[] {
  const out: Directive[] = [];
  for (const c of plan.comments) {
    const d = parseComment(plan, c);
    if (d) out.push(d);
  }
  return out;
}

function parseComment(plan: Plan, c: HtmlComment): Directive | undefined {
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
  return {
    kind,
    rules,
    reason,
    until: reason ? /\buntil\s+(\d{4}-\d{2}-\d{2})\b/i.exec(reason)?.[1] : undefined,
    range,
    firstLine: line,
    lastLine: kind === 'disable-line' ? range.end.line : line,
  };
}

/** Decides whether a rule's finding on a line is switched off by the directives. */
export class Suppressions {
  constructor(private readonly directives: readonly Directive[]) {}

  /** The directive that switches the rule off on the line, if any. */
  find(ruleId: string, line: number): Directive | undefined {
    const names = (d: Directive) => d.rules.length === 0 || d.rules.some((r) => r.id === ruleId);
    let active: Directive | undefined;
    for (const d of this.directives) {
      if (!names(d)) continue;
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
