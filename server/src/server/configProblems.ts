/**
 * Config problems shown where they are: a diagnostic in the config file at the offending key
 * (or in the plan's front matter). The documents keep linting with their last valid config, or
 * with the built-in rules when they have none here (on a worker thread too): the message says which.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_MAX_BYTES, UnreadFileError, type ConfigError, type Plan } from '../engine/index';
import { fileHost } from '../engine/files/host';
import { name } from './largeDocuments';

/** What a lint that met a config problem used instead. */
export type ConfigFallback = 'last valid' | 'built-in';

function diagnostic(line: number, character: number, length: number, error: ConfigError, lintedWith: string): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + length } },
    severity: DiagnosticSeverity.Error,
    source: 'stratlint',
    code: 'config',
    message: `Stratlint config: ${error.key ? `${error.key}: ` : ''}${error.detail}. Until this is fixed, ${lintedWith}.`,
  };
}

/** What the plans that met a problem are linted with: `builtIn` names those of `total` that use the built-in rules. */
function lintedWith(builtIn: readonly string[], total: number): string {
  if (builtIn.length === 0) return 'plans are linted with the last valid config';
  if (builtIn.length === total) return 'plans are linted with the built-in rules';
  return `plans are linted with the last valid config (${builtIn.join(', ')}: with the built-in rules)`;
}

/** The word at the error's position (a key, a value), or the rest of the line. */
function tokenLength(lineText: string, character: number): number {
  const rest = lineText.slice(character);
  const m = /^("[^"]*"|'[^']*'|[^\s:,#\]}]+)/.exec(rest);
  return m ? m[0].length : Math.max(rest.trimEnd().length, 1);
}

/** A front-matter settings problem, at the key or value in the plan's front matter that it names. */
export function configErrorInPlan(plan: Plan, error: ConfigError, fallback: ConfigFallback | undefined): Diagnostic | undefined {
  if (!error.inFrontMatter) return undefined;
  const line = Math.max(0, error.line - 1);
  const character = Math.max(0, error.column - 1);
  const length = error.endLine === error.line && error.endColumn > error.column ? error.endColumn - error.column : tokenLength(plan.lines.lineText(line), character);
  return diagnostic(line, character, length, error, lintedWith(fallback === 'built-in' ? ['this plan'] : [], 1));
}

/** Which config file each open document's last run found broken; publishes the union per file. */
export class ConfigProblems {
  private readonly byDocument = new Map<string, { error: ConfigError; fallback: ConfigFallback | undefined }>();
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pathToUri: (path: string) => string,
  ) {}

  /** The files (not front matter) currently reported broken. */
  files(): Set<string> {
    return new Set([...this.byDocument.values()].map((p) => p.error.file));
  }

  set(documentUri: string, error: ConfigError | undefined, fallback?: ConfigFallback): void {
    const key = (p: { error: ConfigError; fallback?: ConfigFallback } | undefined) => p && `${p.error.message}\n${p.fallback}`;
    const before = key(this.byDocument.get(documentUri));
    if (error && !error.inFrontMatter) this.byDocument.set(documentUri, { error, fallback });
    else this.byDocument.delete(documentUri);
    if (before !== key(this.byDocument.get(documentUri))) this.publish();
  }

  private publish(): void {
    // Per config file, its problems by detail, with the documents that met each.
    const byFile = new Map<string, Map<string, { error: ConfigError; builtIn: string[]; total: number }>>();
    for (const [documentUri, { error, fallback }] of this.byDocument) {
      const uri = this.pathToUri(error.file);
      const problems = byFile.get(uri) ?? new Map<string, { error: ConfigError; builtIn: string[]; total: number }>();
      byFile.set(uri, problems);
      const problem = problems.get(error.detail) ?? { error, builtIn: [], total: 0 };
      problems.set(error.detail, problem);
      problem.total++;
      if (fallback === 'built-in') problem.builtIn.push(name(documentUri));
    }
    for (const uri of this.published) if (!byFile.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.clear();
    for (const [uri, problems] of byFile) {
      const diagnostics = [...problems.values()].map((p) => this.locate(p.error, lintedWith(p.builtIn.sort(), p.total)));
      void this.connection.sendDiagnostics({ uri, diagnostics });
      this.published.add(uri);
    }
  }

  private locate(error: ConfigError, linted: string): Diagnostic {
    const line = Math.max(0, error.line - 1);
    const character = Math.max(0, error.column - 1);
    let lineText = '';
    try {
      // A file refused (a device, a link out of the workspace) is not read to show why.
      if (!(error instanceof UnreadFileError)) lineText = fileHost().readText(error.file, CONFIG_MAX_BYTES).split(/\r\n|\r|\n/)[line] ?? '';
    } catch {
      // the file is gone or unreadable: the error says so; point at its start
    }
    return diagnostic(line, character, tokenLength(lineText, character), error, linted);
  }
}
