import type { SpecSchema } from "./schema-types.js";
import { TEXT_LIMITS } from "./text-limits.js";

/**
 * Hand-written corrections to the generated schema, each with its reason. The generated files are
 * never edited; whatever the spec gets wrong for a faithful server is corrected here.
 * - The spec gives search and filter texts no length: TEXT_LIMITS adds one to each (see there).
 */
export function applyOverrides(schema: Record<string, SpecSchema>): Record<string, SpecSchema> {
  const out: Record<string, SpecSchema> = {};
  for (const [version, s] of Object.entries(schema)) {
    const limits = TEXT_LIMITS[version as keyof typeof TEXT_LIMITS] ?? {};
    for (const key of Object.keys(limits)) {
      const [object, member] = key.split(".");
      if (!s.objects[object]?.some((m) => m[0] === member && m[1] === "string")) throw new Error(`text limit ${version} ${key}: no such string member`);
    }
    out[version] = { ...s, maxLength: Object.fromEntries(Object.entries(limits).map(([k, l]) => [k, l.max])) };
  }
  return out;
}
