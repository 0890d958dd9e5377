import { z } from 'zod';
import { builtinRules } from '../rules/builtin';
import { packSchema } from '../rules/schema';
import { configSchema, ruleEntrySchema } from './schema';

const jsonSchema = (schema: z.ZodType, title: string): Record<string, unknown> => ({
  ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }),
  title,
});

/**
 * The JSON Schema of `.stratlint.json` / `.stratlint.yaml`, generated from the zod schemas the
 * loader validates with, plus every built-in rule with its description and options, so that
 * editors complete rule IDs and option names. Rules from packs are allowed by the catch-all.
 */
export function configJsonSchema(): Record<string, unknown> {
  const rules = Object.fromEntries(
    builtinRules().rules.map((r) => {
      const byDefault = r.meta.recommended === false ? 'off (opt-in)' : r.meta.severity;
      const options = r.optionsSchema ?? z.object({}).strict();
      return [r.meta.id, ruleEntrySchema(options).optional().describe(`${r.meta.description} Default: ${byDefault}.`)];
    }),
  );
  const described = configSchema.shape.rules.unwrap().description;
  const schema = configSchema.extend({ rules: z.object(rules).catchall(ruleEntrySchema()).describe(described ?? '').optional() });
  return jsonSchema(schema, 'Stratlint configuration (.stratlint.yaml, .stratlint.yml, .stratlint.json)');
}

/** The JSON Schema of a rule pack (the file a config's `extends` names), for editors. */
export function packJsonSchema(): Record<string, unknown> {
  return jsonSchema(packSchema, 'Stratlint rule pack');
}

/** Every generated schema by its file name under syntaxes/. */
export function generatedSchemas(): Record<string, Record<string, unknown>> {
  return { 'stratlint-config.schema.json': configJsonSchema(), 'stratlint-pack.schema.json': packJsonSchema() };
}
