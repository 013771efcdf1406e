import type { Kysely } from "kysely";
import type { DB } from "./schema.js";
import { SealBrokenError, type SecretBox } from "./secret-box.js";

const CHECK = "master_key_check";
const CHECK_TEXT = "tco master key check";

/** The master key a server was given is not the one this database's secrets were sealed with. */
export class MasterKeyMismatchError extends Error {
  constructor() {
    super(
      "the master key does not open this database's secret keys (they were sealed with another one). " +
        "Give this server the master key the database was first opened with: the same TCO_MASTER_KEY on every node that shares a PostgreSQL database, " +
        "or the data directory's master.key file it was created with.",
    );
    this.name = "MasterKeyMismatchError";
  }
}

/**
 * Make sure `box` holds the master key this database's secrets are sealed with: the first server
 * to open the database records a value sealed with its key (store_settings.master_key_check);
 * every later one must open it, or MasterKeyMismatchError (a server with another key would
 * otherwise answer every signature with a failure, or seal new keys that the others cannot read).
 */
export async function checkMasterKey(db: Kysely<DB>, box: SecretBox): Promise<void> {
  await db
    .insertInto("store_settings")
    .values({ name: CHECK, value: box.seal(CHECK_TEXT, CHECK) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("store_settings").select("value").where("name", "=", CHECK).executeTakeFirstOrThrow();
  try {
    if (box.open(row.value, CHECK) !== CHECK_TEXT) throw new MasterKeyMismatchError();
  } catch (e) {
    if (e instanceof SealBrokenError) throw new MasterKeyMismatchError();
    throw e;
  }
}
