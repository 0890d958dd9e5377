/**
 * Config problems shown where they are: a diagnostic in the config file at the offending key
 * (or in the plan's front matter). The documents keep linting with their last valid config.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_MAX_BYTES, UnreadFileError, type ConfigError, type Plan } from '../engine/index';
import { fileHost } from '../engine/files/host';

function diagnostic(line: number, character: number, length: number, error: ConfigError): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + length } },
    severity: DiagnosticSeverity.Error,
    source: 'stratlint',
    code: 'config',
    message: `Stratlint config: ${error.key ? `${error.key}: ` : ''}${error.detail}. Until this is fixed, plans are linted with the last valid config.`,
  };
}

/** The word at the error's position (a key, a value), or the rest of the line. */
function tokenLength(lineText: string, character: number): number {
  const rest = lineText.slice(character);
  const m = /^("[^"]*"|'[^']*'|[^\s:,#\]}]+)/.exec(rest);
  return m ? m[0].length : Math.max(rest.trimEnd().length, 1);
}

/** A front-matter settings problem, at the key or value in the plan's front matter that it names. */
export function configErrorInPlan(plan: Plan, error: ConfigError): Diagnostic | undefined {
  if (!error.inFrontMatter) return undefined;
  const line = Math.max(0, error.line - 1);
  const character = Math.max(0, error.column - 1);
  const length = error.endLine === error.line && error.endColumn > error.column ? error.endColumn - error.column : tokenLength(plan.lines.lineText(line), character);
  return diagnostic(line, character, length, error);
}

/** Which config file each open document's last run found broken; publishes the union per file. */
export class ConfigProblems {
  private readonly byDocument = new Map<string, ConfigError>();
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pathToUri: (path: string) => string,
  ) {}

  /** The files (not front matter) currently reported broken. */
  files(): Set<string> {
    return new Set([...this.byDocument.values()].map((e) => e.file));
  }

  set(documentUri: string, error: ConfigError | undefined): void {
    const before = this.byDocument.get(documentUri);
    if (error && !error.inFrontMatter) this.byDocument.set(documentUri, error);
    else this.byDocument.delete(documentUri);
    if (before?.message !== this.byDocument.get(documentUri)?.message) this.publish();
  }

  private publish(): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const error of this.byDocument.values()) {
      const uri = this.pathToUri(error.file);
      const list = byFile.get(uri) ?? [];
      if (!list.some((d) => d.message.includes(error.detail))) list.push(this.locate(error));
      byFile.set(uri, list);
    }
    for (const uri of this.published) if (!byFile.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.clear();
    for (const [uri, diagnostics] of byFile) {
      void this.connection.sendDiagnostics({ uri, diagnostics });
      this.published.add(uri);
    }
  }

  private locate(error: ConfigError): Diagnostic {
    const line = Math.max(0, error.line - 1);
    const character = Math.max(0, error.column - 1);
    let lineText = '';
    try {
      // A file refused (a device, a link out of the workspace) is not read to show why.
      if (!(error instanceof UnreadFileError)) lineText = fileHost().readText(error.file, CONFIG_MAX_BYTES).split(/\r\n|\r|\n/)[line] ?? '';
    } catch {
      // the file is gone or unreadable: the error says so; point at its start
    }
    return diagnostic(line, character, tokenLength(lineText, character), error);
  }
}
