import type { SpecSchema } from "./schema-types.js";

/**
 * Hand-written corrections to the generated schema, each with its reason. The generated files are
 * never edited; whatever the spec gets wrong for a faithful server is corrected here.
 */
export function applyOverrides(schema: Record<string, SpecSchema>): Record<string, SpecSchema> {
  // None yet: the spec's types and required flags match what the official SDK sends.
  return schema;
}
