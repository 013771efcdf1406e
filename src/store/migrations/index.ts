import type { Migration } from "kysely";
import * as m0001 from "./0001-accounts.js";
import * as m0002 from "./0002-organizations.js";
import * as m0003 from "./0003-org-structure-auth-relations.js";
import * as m0004 from "./0004-invitations-email.js";
import * as m0005 from "./0005-members-identities.js";
import * as m0006 from "./0006-members-records.js";
import * as m0007 from "./0007-policies.js";
import * as m0008 from "./0008-services-delegations-bills.js";
import * as m0009 from "./0009-login-sub-accounts-policies.js";
import * as m0010 from "./0010-member-counts.js";
import * as m0011 from "./0011-access-key-security.js";
import * as m0012 from "./0012-member-deletion-entity-admins.js";
import * as m0013 from "./0013-org-wide-rules.js";
import * as m0014 from "./0014-service-order-email-changes.js";
import * as m0015 from "./0015-tasks.js";

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-accounts": m0001,
  "0002-organizations": m0002,
  "0003-org-structure-auth-relations": m0003,
  "0004-invitations-email": m0004,
  "0005-members-identities": m0005,
  "0006-members-records": m0006,
  "0007-policies": m0007,
  "0008-services-delegations-bills": m0008,
  "0009-login-sub-accounts-policies": m0009,
  "0010-member-counts": m0010,
  "0011-access-key-security": m0011,
  "0012-member-deletion-entity-admins": m0012,
  "0013-org-wide-rules": m0013,
  "0014-service-order-email-changes": m0014,
  "0015-tasks": m0015,
};
