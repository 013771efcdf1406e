/** Shapes of the generated runtime schema (src/spec/generated/schema.ts). */

export type WireType = "string" | "int" | "bool" | "float" | "list" | "object";

/** [name, type, member (element or precise type), flags]. */
export type MemberTuple = [name: string, type: WireType, member: string, flags: number];

export interface SpecSchema {
  /** action name → [input object name, output object name] */
  actions: Record<string, [string, string]>;
  objects: Record<string, MemberTuple[]>;
  /** longest text of a string member, in characters, keyed `Object.member` (see src/spec/overrides.ts) */
  maxLength?: Record<string, number>;
}

export const REQUIRED = 1;
export const OUTPUT_REQUIRED = 2;
export const NULLABLE = 4;
