import { z } from 'zod';

export const LEVELS = ['off', 'info', 'warning', 'error'] as const;
export const levelSchema = z.enum(LEVELS);

/** `rule: warning` or `rule: [warning, { option: value }]`, as in ESLint and markdownlint. */
export const ruleEntrySchema = z.union([
  levelSchema,
  z.tuple([levelSchema]),
  z.tuple([levelSchema, z.record(z.string(), z.unknown())]),
]);

export const configSchema = z
  .object({
    /** Stop looking for configs in parent folders. */
    root: z.boolean().optional(),
    /** Built-in packs (stratlint:recommended|strict|all), local config or pack files, npm packages holding a pack. */
    extends: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    /** Globs (relative to this file) of Markdown files that are plans. */
    files: z.array(z.string().min(1)).optional(),
    /** Globs of files never linted when found through a folder or glob. */
    ignore: z.array(z.string().min(1)).optional(),
    rules: z.record(z.string(), ruleEntrySchema).optional(),
  })
  .strict();

export type ConfigData = z.infer<typeof configSchema>;
export type RuleEntry = z.infer<typeof ruleEntrySchema>;
