import { dirname, join } from 'node:path';
import { shippedFiles } from './shipped';

/**
 * Where the built-in rule pages are published: the `rules/` folder of the repository that
 * package.json names, at this version's tag. package.json is the one place that names the
 * project's home; it sits beside `rules/` in the checkout, the npm package and the VSIX alike.
 */
export function defaultDocsBaseUrl(rulesDir: string): string {
  const { repository, version } = projectHome(rulesDir);
  return `${repository}/blob/v${version}/rules`;
}

/** The project's repository (https URL, no .git) and version, as package.json names them. */
export function projectHome(rulesDir: string): { repository: string; version: string } {
  const manifest = JSON.parse(shippedFiles().readText(join(dirname(rulesDir), 'package.json'))) as { version: string; repository: { url: string } };
  return { repository: manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''), version: manifest.version };
}

/** A built-in rule's page under a docs base URL (the default one, or a config's `docsBaseUrl`). */
export function ruleDocsUrl(base: string, id: string): string {
  return `${base.replace(/\/+$/, '')}/${id}/README.md`;
}
