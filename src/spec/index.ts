import { SCHEMA } from "./generated/schema.js";
import type { SpecSchema } from "./schema-types.js";
import { applyOverrides } from "./overrides.js";

export type ApiVersion = "2021-03-31" | "2018-12-25";
export const API_VERSIONS: readonly ApiVersion[] = ["2021-03-31", "2018-12-25"];

const schemas = applyOverrides(SCHEMA);

/** The schema of an API version, with the hand-written overrides applied. */
export function schemaOf(version: ApiVersion): SpecSchema {
  return schemas[version];
}

export function isApiVersion(v: string): v is ApiVersion {
  return v === "2021-03-31" || v === "2018-12-25";
}

export { TAG_SCHEMA } from "./generated/tag-schema.js";
/** The Tag API version whose resource-tag actions TCO serves (service `tag`). */
export const TAG_API_VERSION = "2018-08-13";
