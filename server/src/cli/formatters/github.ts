import type { Severity } from '../../engine/index';
import { oneBased } from './location';
import type { Formatter } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its lines in the
 * pull request's "Files changed" view. (The CLI also appends the PR summary to the job summary: see ../summary.ts.)
 */
export const github: Formatter = (results) =>
  results
    .flatMap((r) =>
      r.findings.map((f) => {
        const p = oneBased(f.range);
        const props = [
          `file=${property(r.file)}`,
          `line=${p.line}`,
          `col=${p.column}`,
          `endLine=${p.endLine}`,
          `endColumn=${p.endColumn}`,
          `title=${property(`${f.ruleId} (Stratlint)`)}`,
        ];
        return `::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}`;
      }),
    )
    .join('\n');

/** Escapes a command's message as the Actions runner decodes it. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus the separators `:` and `,`. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
