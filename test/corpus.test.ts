import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { lintDocument, type Range } from '../server/src/engine/index';
import { corpusFiles, corpusMissing, skipWithoutCorpus } from './support/markdown-data';

// Real strategy documents from other organisations (../shared/corpus): they must lint cleanly.
skipWithoutCorpus('real strategy documents');
if (!corpusMissing) describe('real strategy documents', () => {
  it('the corpus is there', () => assert.ok(corpusFiles.length >= 20, `${corpusFiles.length} corpus documents`));

  for (const file of corpusFiles) {
    it(`${basename(file)} lints without a rule failing, every range inside the document`, () => {
      const text = readFileSync(file, 'utf8');
      const r = lintDocument(text, { filePath: file, forcePlan: true, noConfig: true });
      assert.deepEqual(r.ruleErrors.map((e) => `${e.ruleId}: ${e.error.message}`), []);
      const inside = (p: Range['start']) => p.line < r.plan.lines.lineCount && p.character <= r.plan.lines.lineText(p.line).length;
      for (const f of r.findings) {
        assert.ok(inside(f.range.start) && inside(f.range.end), `${f.ruleId} at ${JSON.stringify(f.range)}`);
        assert.ok(f.range.start.line < f.range.end.line || f.range.start.character <= f.range.end.character);
      }
    });
  }
});
