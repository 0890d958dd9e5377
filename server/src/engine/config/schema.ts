import { z } from 'zod';

/**
 * The config file (`.stratlint.yaml|yml|json`) and the `stratlint:` key of a plan's front matter.
 * These schemas are the single source of truth: the loader validates with them and the build
 * turns them into syntaxes/stratlint-config.schema.json for editors.
 */

export const LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type Level = (typeof LEVELS)[number];
export const levelSchema = z.enum(LEVELS).meta({ id: 'level', description: 'off, or the severity of the rule’s findings.' });

/** Options of a rule: a mapping whose keys the rule defines (see each rule’s documentation page). */
export const ruleOptionsSchema = z.record(z.string(), z.unknown());

/** `rule: warning` or `rule: [warning, { option: value }]`, as in ESLint and markdownlint. */
export function ruleEntrySchema(options: z.ZodType = ruleOptionsSchema) {
  return z.union([levelSchema, z.tuple([levelSchema]), z.tuple([levelSchema, options])]);
}

/** More globs than this would make every file's check slow; no real config needs them. */
export const MAX_GLOBS = 1000;
const globs = (what: string) => z.array(z.string().min(1)).max(MAX_GLOBS).describe(what);

export const extendsSchema = z
  .union([z.string().min(1), z.array(z.string().min(1))], { error: 'expected a pack name or a list of them' })
  .describe(
    'Packs applied before this file’s own settings, later ones winning: built-in packs (stratlint:recommended, stratlint:strict, stratlint:all), config or pack files (./team-rules.yaml, relative to this file) and npm packages that hold a pack (@acme/strategy-rules).',
  );

const configShape = {
  root: z.boolean().describe('Stop looking for config files in parent folders.'),
  extends: extendsSchema,
  files: globs('Globs, relative to this file, of the Markdown files that are plans. The nearest config that sets them wins. Default: **/*strategy*.md, **/*plan*.md, **/strategy/**/*.md, **/strategies/**/*.md, **/plans/**/*.md.'),
  ignore: globs('Globs, relative to this file, of files never linted when found through a folder or glob; they add up along the chain of configs.'),
  rules: z.record(z.string(), ruleEntrySchema()).describe('Rule IDs with a level (off, info, warning, error), or [level, { options }].'),
  // Links leave the machine (SARIF, PR summaries): only web links, never javascript: or file:.
  docsBaseUrl: z
    .string()
    .regex(/^https?:\/\/[^\s/]+\S*$/, { error: 'an https:// (or http://) URL, e.g. https://git.example.com/mirrors/stratlint/blob/v1.0.0/rules' })
    .describe('Where your team hosts the built-in rule pages: a rule’s page is <docsBaseUrl>/<rule-id>/README.md. The nearest config that sets it wins. Default: the rules folder of https://github.com/stratlint/stratlint at this version’s tag.'),
};

/** A config file. */
export const configSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON schema of this file, for editors; Stratlint ignores it.'),
    root: configShape.root.optional(),
    extends: configShape.extends.optional(),
    files: configShape.files.optional(),
    ignore: configShape.ignore.optional(),
    rules: configShape.rules.optional(),
    docsBaseUrl: configShape.docsBaseUrl.optional(),
  })
  .strict();

/** A plan's own settings: `stratlint: { extends: stratlint:strict, rules: { … } }` in its front matter. */
export const frontMatterSchema = configSchema.pick({ extends: true, rules: true });

export type ConfigData = z.infer<typeof configSchema>;
export type FrontMatterSettings = z.infer<typeof frontMatterSchema>;

/**
 * What the loader checks with zod before it knows the rules: rule entries are checked one by one
 * afterwards (against the rules the packs define and the options each rule accepts), so that an
 * error names the rule and says what it takes instead of listing every way a union could fail.
 */
export const configShapeSchema = configSchema.extend({ rules: z.record(z.string(), z.unknown()).optional() });
export const frontMatterShapeSchema = configShapeSchema.pick({ extends: true, rules: true });
export type LoadedConfig = z.infer<typeof configShapeSchema>;
