import type { Kysely } from "kysely";
import { oneOf } from "./helpers.js";

/** Accounts, their access keys, and named counters (UIN and id allocation). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("counters")
    .addColumn("name", "varchar(64)", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("accounts")
    .addColumn("uin", "bigint", (c) => c.primaryKey())
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("mail", "varchar(255)")
    .addColumn("verification", "varchar(16)", (c) => c.notNull().defaultTo("none").check(oneOf("verification", ["none", "personal", "enterprise"])))
    .addColumn("entity_name", "varchar(255)")
    .addColumn("site", "varchar(8)", (c) => c.notNull().defaultTo("china").check(oneOf("site", ["china", "intl"])))
    .addColumn("arrears", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("agent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_root", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("access_keys")
    .addColumn("secret_id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("secret_key", "varchar(128)", (c) => c.notNull())
    .addColumn("uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("access_keys_uin").on("access_keys").column("uin").execute();
}
