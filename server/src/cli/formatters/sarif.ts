import { pathToFileURL } from 'node:url';
import type { Finding, RuleMeta, Severity, TextEdit } from '../../engine/index';
import { fingerprintsOf } from '../fingerprint';
import { oneBased } from './location';
import type { Formatter } from './types';
import { shareableDocsUrl } from './links';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, as GitHub code scanning and SARIF viewers read it: one run, a rules array
 * describing every rule that ran, results with physical locations relative to the working
 * directory, stable fingerprints and, when the run compares with a baseline or git ref,
 * whether each result is new.
 */
export const sarif: Formatter = (results, ctx) => {
  const rules = [...ctx.rules.values()].sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) => {
    const fingerprints = fingerprintsOf(r, ctx.rules);
    const uri = r.file.split('/').map(encodeURIComponent).join('/');
    return r.findings.map((f, i) => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(f.range) } }],
      ...(f.related && {
        relatedLocations: f.related.map((x, id) => ({ id, physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(x.range) }, message: { text: x.message } })),
      }),
      partialFingerprints: { 'stratlint/v1': fingerprints[i] },
      ...(r.before ? { baselineState: r.before.fingerprints.has(fingerprints[i]) ? 'unchanged' : 'new' } : {}),
      ...(f.fixes.some((x) => x.edits.length) ? { fixes: f.fixes.filter((x) => x.edits.length).map((x) => ({ description: { text: x.title }, artifactChanges: [{ artifactLocation: { uri, uriBaseId: SRCROOT }, replacements: x.edits.map(replacement) }] })) } : {}),
      properties: { source: f.source },
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'stratlint', ...(ctx.version ? { version: ctx.version } : {}), rules: rules.map(descriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};

function region(range: Finding['range']) {
  const p = oneBased(range);
  return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

function replacement(edit: TextEdit) {
  return { deletedRegion: region(edit.range), insertedContent: { text: edit.newText } };
}

/** A rule as SARIF describes it: what it checks, the principle, where its page is, its default level. */
function descriptor(meta: RuleMeta) {
  const example = meta.example ? `\n\nWeak: ${meta.example.weak}\nStrong: ${meta.example.strong}` : '';
  const exampleMd = meta.example ? `\n\n- Weak: ${meta.example.weak}\n- Strong: ${meta.example.strong}` : '';
  const docsUrl = shareableDocsUrl(meta.docsUrl);
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.principle },
    ...(docsUrl && { helpUri: docsUrl }),
    help: {
      text: `${meta.principle}${example}\n\nSource: ${meta.source}`,
      markdown: `${meta.principle}${exampleMd}\n\nSource: ${meta.source}.${docsUrl ? ` [Rule documentation](${docsUrl})` : ''}`,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['customer-strategy', meta.scope === 'plan' ? 'plan-level' : 'wording'], source: meta.source },
  };
}
