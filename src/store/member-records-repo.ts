import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";
import { insertRow, prepared, updateRow } from "./prepared.js";

/** One recorded CreateOrganizationMember attempt. */
export type CreateRecord = Selectable<DB["org_member_create_records"]>;

const INSERT = insertRow("org_member_create_records");
const UPDATE = updateRow("org_member_create_records", "record_id");
const CLAIM = prepared<{ recordId: number; name: string; account_name: string; node_id: number; now: number }>()((db, a) =>
  db
    .updateTable("org_member_create_records")
    .set({ name: a.name, account_name: a.account_name, node_id: a.node_id, status: "Pending", error_code: null, updated_at: a.now })
    .where("record_id", "=", a.recordId)
    .where("status", "<>", "Success"),
);

/** Attempts of CreateOrganizationMember, kept so a failed attempt can be retried by RecordId. */
export class MemberRecordsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(recordId: number): Promise<CreateRecord | undefined> {
    return this.db.selectFrom("org_member_create_records").selectAll().where("record_id", "=", recordId).executeTakeFirst();
  }

  async insert(r: Insertable<DB["org_member_create_records"]>): Promise<void> {
    await INSERT(this.db, r);
  }

  /**
   * Take a record that has not succeeded for a new attempt with these details. Answers false when
   * it succeeded meanwhile. Inside a transaction the row stays locked until commit, so two retries
   * of one record cannot both proceed.
   */
  async claim(recordId: number, d: { name: string; account_name: string; node_id: number }, now: number): Promise<boolean> {
    return (await CLAIM.run(this.db, { recordId, name: d.name, account_name: d.account_name, node_id: d.node_id, now })) > 0;
  }

  async succeed(recordId: number, memberUin: number, now: number): Promise<void> {
    await UPDATE(this.db, recordId, { status: "Success", member_uin: memberUin, error_code: null, updated_at: now });
  }

  /** Mark an attempt failed, unless it succeeded. */
  async fail(recordId: number, code: string, now: number): Promise<void> {
    await this.db
      .updateTable("org_member_create_records")
      .set({ status: "Failed", error_code: code, updated_at: now })
      .where("record_id", "=", recordId)
      .where("status", "<>", "Success")
      .execute();
  }
}
