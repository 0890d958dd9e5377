import type { Severity } from '../../engine/index';
import { fileFingerprint, fingerprintsOf } from '../fingerprint';
import type { Formatter } from './types';
import { shareableDocsUrl } from './links';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * Code Climate issues as GitLab Code Quality reads them: GitLab shows the issues a merge
 * request adds or resolves by comparing fingerprints, so they must survive unrelated edits
 * and be unique across the report (hence the file in the hash).
 */
export const codeclimate: Formatter = (results, ctx) =>
  JSON.stringify(
    results.flatMap((r) => {
      const fingerprints = fingerprintsOf(r, ctx.rules);
      return r.findings.map((f, i) => {
        const meta = ctx.rules.get(f.ruleId);
        return {
          type: 'issue',
          check_name: f.ruleId,
          description: f.message,
          ...(meta ? { content: { body: `${meta.principle}\n\nSource: ${meta.source}.${shareableDocsUrl(meta.docsUrl) ? ` Rule documentation: ${meta.docsUrl}` : ''}` } } : {}),
          categories: ['Clarity'],
          severity: SEVERITY[f.severity],
          fingerprint: fileFingerprint(r.file, fingerprints[i]),
          location: { path: r.file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
          engine_name: 'stratlint',
        };
      });
    }),
    null,
    2,
  );
