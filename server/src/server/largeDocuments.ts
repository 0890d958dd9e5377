/**
 * Huge documents. A lint takes about 2 s per MB of plan; a large one runs on a worker thread
 * (see linting.ts), but requests that need the lint of the text as it is would wait for it.
 * Above LINT_ON_TYPE_MAX_CHARS a document is linted when opened and saved, not as you type, and
 * requests on unsaved text get no lint of their own; above LINT_MAX_CHARS or PLAN_MAX_LINES (the
 * CLI's plan limits) it is not linted at all. Either way the user is told once.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PLAN_MAX_BYTES, planTooLarge } from '../engine/index';
import type { Settings } from './settings';

export const LINT_ON_TYPE_MAX_CHARS = 1 << 20;
export const LINT_MAX_CHARS = PLAN_MAX_BYTES;

export interface SettingsSource {
  get(uri: string): Promise<Settings>;
}

/** The settings as they apply to a document of its size. */
export class SizedSettings implements SettingsSource {
  private readonly told = new Map<string, string>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: SettingsSource,
    private readonly tell: (message: string) => void,
  ) {}

  /** Whether requests on unsaved text must not lint it (the last saved lint answers, if it matches). */
  isLarge(uri: string): boolean {
    return this.size(uri) > LINT_ON_TYPE_MAX_CHARS;
  }

  async get(uri: string): Promise<Settings> {
    const settings = await this.store.get(uri);
    const size = this.size(uri);
    if (!settings.enable) return settings;
    if (size > LINT_MAX_CHARS) {
      this.once(uri, `Stratlint does not lint ${name(uri)}: it is larger than ${mb(LINT_MAX_CHARS)} (the limit for plans).`);
      return { ...settings, enable: false };
    }
    const lines = planTooLarge(this.documents.get(uri)?.getText() ?? '');
    if (lines) {
      this.once(uri, `Stratlint does not lint ${name(uri)}: ${lines}.`);
      return { ...settings, enable: false };
    }
    if (size > LINT_ON_TYPE_MAX_CHARS && settings.run === 'onType') {
      this.once(uri, `Stratlint lints ${name(uri)} when it is saved, not as you type: it is larger than ${mb(LINT_ON_TYPE_MAX_CHARS)}.`);
      return { ...settings, run: 'onSave' };
    }
    return settings;
  }

  forget(uri: string): void {
    this.told.delete(uri);
  }

  private size(uri: string): number {
    return this.documents.get(uri)?.getText().length ?? 0;
  }

  private once(uri: string, message: string): void {
    if (this.told.get(uri) === message) return;
    this.told.set(uri, message);
    this.tell(message);
  }
}

/** A document's file name, for messages. */
export function name(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function mb(chars: number): string {
  return `${Math.round(chars / (1 << 20))} MB`;
}
