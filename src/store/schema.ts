import type { Generated } from "kysely";

/** Tables of the TCO database, as Kysely sees them. Flags are 0/1 integers on both dialects. */
export interface DB {
  counters: CountersTable;
  accounts: AccountsTable;
  access_keys: AccessKeysTable;
}

export interface CountersTable {
  name: string;
  value: number;
}

export type Verification = "none" | "personal" | "enterprise";
export type Site = "china" | "intl";

export interface AccountsTable {
  uin: number;
  name: string;
  mail: string | null;
  verification: Verification;
  /** real-name entity: the company for enterprise verification, the person for personal */
  entity_name: string | null;
  site: Site;
  /** 1 when the account owes money (arrears) */
  arrears: Generated<number>;
  /** 1 when the account is a reseller (agent) or a reseller's client */
  agent: Generated<number>;
  /** 1 for the operator account bootstrapped from TCO_ROOT_SECRET_ID/KEY */
  is_root: Generated<number>;
  created_at: number;
}

export interface AccessKeysTable {
  secret_id: string;
  secret_key: string;
  uin: number;
  created_at: number;
}
