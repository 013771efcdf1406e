import type { Migration } from "kysely";
import * as m0001 from "./0001-accounts.js";
import * as m0002 from "./0002-organizations.js";
import * as m0003 from "./0003-org-structure-auth-relations.js";
import * as m0003b from "./0003-invitations-email.js";
import * as m0004 from "./0004-policies.js";

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-accounts": m0001,
  "0002-organizations": m0002,
  "0003-org-structure-auth-relations": m0003,
  "0003-invitations-email": m0003b,
  "0004-policies": m0004,
};
