import type { Migration } from "kysely";
import * as m0001 from "./0001-accounts.js";
import * as m0002 from "./0002-organizations.js";
import * as m0003MembersIdentities from "./0003-members-identities.js";
import * as m0003MembersRecords from "./0003-members-records.js";

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-accounts": m0001,
  "0002-organizations": m0002,
  "0003-members-identities": m0003MembersIdentities,
  "0003-members-records": m0003MembersRecords,
};
