/**
 * Markdown that tests parse and lint in bulk: the project's own, and the shared corpus of real
 * strategy documents by other organisations. The corpus sits beside the repository
 * (../shared/corpus/docs), not in it: CI has it, a clone of the project does not, and there its
 * tests are reported as skipped in one line naming what is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'docs');

/** The .md files under `dir`, at any depth, in a stable order. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}

/** Why the corpus tests do not run here, or undefined when they do. */
export const corpusMissing = existsSync(CORPUS) ? undefined : `${relative(ROOT, CORPUS)} is absent (the shared corpus lives beside the repository, not in a clone of it)`;
// .ci/run sets this: there a missing corpus is a broken CI set-up, not a clone to be lenient with.
if (corpusMissing && process.env.STRATLINT_REQUIRE_CORPUS) throw new Error(corpusMissing);

/** The corpus documents; none when the corpus is absent. */
export const corpusFiles: readonly string[] = corpusMissing ? [] : markdownFiles(CORPUS);

/** Long Markdown written here: the README, the docs, the example plans and every rule's page. */
export const projectDocs: readonly string[] = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs')), ...markdownFiles(join(ROOT, 'examples')), ...markdownFiles(join(ROOT, 'rules'))];

/** Reports `what` as skipped, naming the missing corpus, when the corpus is absent; else nothing. */
export function skipWithoutCorpus(what: string): void {
  if (corpusMissing) it(what, { skip: corpusMissing }, () => {});
}
