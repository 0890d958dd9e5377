/**
 * The injection grammar, tokenized the way VS Code does it: VS Code's own TextMate engine
 * (vscode-textmate + vscode-oniguruma) and its Markdown grammar, both taken from the VS Code that
 * code-server ships, with our grammar injected into it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureEditors, ROOT, server } from './support/setup';

const VSCODE = join(server.CACHE, 'cs', 'node_modules', 'code-server', 'lib', 'vscode');
const MARKDOWN = 'text.html.markdown';
const INJECTION = 'markdown.stratlint.injection';

type Token = { text: string; scopes: string[] };
let tokenize: (line: string) => Token[];

/* eslint-disable @typescript-eslint/no-require-imports */
before(async () => {
  ensureEditors();
  const textmate = require(join(VSCODE, 'node_modules', 'vscode-textmate'));
  const onig = require(join(VSCODE, 'node_modules', 'vscode-oniguruma'));
  await onig.loadWASM(readFileSync(join(VSCODE, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION);
  const files: Record<string, string> = {
    [MARKDOWN]: join(VSCODE, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
    [INJECTION]: join(ROOT, contributed.path),
  };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new onig.OnigScanner(s), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => (files[scope] ? textmate.parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope: string) => (contributed.injectTo.includes(scope) ? [INJECTION] : []),
  });
  const grammar = await registry.loadGrammar(MARKDOWN);
  tokenize = (line) => {
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    return tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  };
});

function scopesOf(line: string, text: string): string[] {
  const token = tokenize(line).find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokenize(line).map((t) => t.text))}`);
  return token.scopes;
}

describe('injection grammar in Markdown', () => {
  it('marks a stratlint directive, its rule IDs and its reason', () => {
    const line = '<!-- stratlint-disable-next-line buzzword-fluff, acme/no-jargon -- the board\'s own words -->';
    assert.ok(scopesOf(line, 'stratlint-disable-next-line').includes('keyword.control.directive.stratlint'));
    assert.ok(scopesOf(line, 'buzzword-fluff').includes('entity.name.tag.rule-id.stratlint'));
    assert.ok(scopesOf(line, 'acme/no-jargon').includes('entity.name.tag.rule-id.stratlint'));
    assert.ok(scopesOf(line, " the board's own words ").includes('string.unquoted.reason.stratlint'));
  });

  it('leaves other HTML comments to Markdown', () => {
    assert.ok(!tokenize('<!-- stratlint is great -->').some((t) => t.scopes.some((s) => s.includes('stratlint'))));
  });

  it('marks plan labels, bold or plain, in list items and paragraphs', () => {
    assert.ok(scopesOf('- **Outcome:** Store owners cut stock-outs', 'Outcome').includes('entity.name.label.stratlint'));
    assert.ok(scopesOf('Metric: weekly stock-out rate', 'Metric').includes('entity.name.label.stratlint'));
    assert.ok(scopesOf('1. __Owner__: the store-success team', 'Owner').includes('entity.name.label.stratlint'));
    assert.ok(scopesOf('**Right to win:** our buying data', 'Right to win').includes('entity.name.label.stratlint'));
  });

  it('does not mark the same words mid-sentence', () => {
    assert.ok(!tokenize('The outcome: we learned a lot.').some((t) => t.scopes.includes('entity.name.label.stratlint')));
  });
});
