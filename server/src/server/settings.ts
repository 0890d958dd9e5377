import type { Connection } from 'vscode-languageserver';

/** The `stratlint.*` settings, as VS Code contributes them and any client may send them. */
export interface Settings {
  enable: boolean;
  /** When to lint: as you type (debounced) or when the file is saved. */
  run: 'onType' | 'onSave';
  /** A config file to use instead of the nearest `.stratlint.yaml`; relative to the workspace folder. */
  configPath: string;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', configPath: '' };

/** Accepts whatever a client sends and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): Settings {
  const s = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    enable: typeof s.enable === 'boolean' ? s.enable : DEFAULT_SETTINGS.enable,
    run: s.run === 'onSave' || s.run === 'onType' ? s.run : DEFAULT_SETTINGS.run,
    configPath: typeof s.configPath === 'string' ? s.configPath.trim() : DEFAULT_SETTINGS.configPath,
  };
}

/**
 * Settings per document: asked of the client (workspace/configuration) when it can answer,
 * else taken from initializationOptions and didChangeConfiguration. Cached until they change.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
    initial: unknown,
  ) {
    this.pushed = normalizeSettings(initial);
  }

  get(uri: string): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'stratlint' })
        .then(normalizeSettings, () => this.pushed);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** didChangeConfiguration: clients that push send `{ stratlint: {...} }`; the others are asked again. */
  changed(settings: unknown): void {
    this.cache.clear();
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).stratlint : undefined;
    if (section !== undefined) this.pushed = normalizeSettings(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
