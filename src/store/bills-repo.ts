import { sql, type Insertable, type Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { DB } from "./schema.js";

export type NewBill = Insertable<DB["org_bills"]>;

/** Which bills a financial summary adds up; every condition given must hold. */
export interface BillFilter {
  orgId: number;
  /** first and last month, YYYY-MM, both included */
  fromMonth: string;
  toMonth: string;
  memberUins?: readonly number[];
  productCodes?: readonly string[];
}

/** A member's total over a filter, in cents. */
export interface MemberCost {
  member_uin: number;
  member_name: string;
  cents: number;
}

/** A product's total over a filter, in cents. */
export interface ProductCost {
  product_code: string;
  product_name: string;
  cents: number;
}

/** Members' bill lines (account, month, product, amount) and the sums the financial overview shows. */
export class BillsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Store bill lines; a line for an account, month and product already stored is replaced. */
  async upsertMany(rows: readonly NewBill[]): Promise<void> {
    for (const part of chunks(rows, 400)) {
      await this.db
        .insertInto("org_bills")
        .values([...part])
        .onConflict((oc) =>
          oc.columns(["member_uin", "month", "product_code"]).doUpdateSet((eb) => ({
            product_name: eb.ref("excluded.product_name"),
            amount_cents: eb.ref("excluded.amount_cents"),
            loaded_at: eb.ref("excluded.loaded_at"),
          })),
        )
        .execute();
    }
  }

  /** Delete the bills of these accounts, or all bills; answers how many lines went. */
  async clear(uins?: readonly number[]): Promise<number> {
    if (!uins) return Number((await this.db.deleteFrom("org_bills").executeTakeFirst()).numDeletedRows);
    let n = 0;
    for (const part of chunks([...new Set(uins)])) {
      n += Number((await this.db.deleteFrom("org_bills").where("member_uin", "in", part).executeTakeFirst()).numDeletedRows);
    }
    return n;
  }

  /**
   * Bill lines of the organization's members that let it view their bills (permission 1), in the
   * filter's months, members and products. Permission ids are stored ascending and comma-separated,
   * so permission 1, when granted, is the first id.
   */
  private lines(f: BillFilter) {
    let q = this.db
      .selectFrom("org_bills as b")
      .innerJoin("org_members as m", "m.member_uin", "b.member_uin")
      .where("m.org_id", "=", f.orgId)
      .where((eb) => eb.or([eb("m.permission_ids", "=", "1"), eb("m.permission_ids", "like", "1,%")]))
      .where("b.month", ">=", f.fromMonth)
      .where("b.month", "<=", f.toMonth);
    if (f.memberUins) q = q.where("b.member_uin", "in", f.memberUins.length > 0 ? [...f.memberUins] : [-1]);
    if (f.productCodes) q = q.where("b.product_code", "in", f.productCodes.length > 0 ? [...f.productCodes] : [""]);
    return q;
  }

  /** The sum of the filter's lines, in cents. */
  async total(f: BillFilter): Promise<number> {
    const r = await this.lines(f)
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("b.amount_cents"), sql<number>`0`).as("cents"))
      .executeTakeFirstOrThrow();
    return Number(r.cents);
  }

  /** How many members have lines in the filter. */
  async countMembers(f: BillFilter): Promise<number> {
    const r = await this.lines(f).select((eb) => eb.fn.count<number>("b.member_uin").distinct().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A page of members by descending total, then ascending UIN. */
  async byMember(f: BillFilter, offset: number, limit: number): Promise<MemberCost[]> {
    const rows = await this.lines(f)
      .select(["b.member_uin", "m.name as member_name", (eb) => eb.fn.sum<number>("b.amount_cents").as("cents")])
      .groupBy(["b.member_uin", "m.name"])
      .orderBy("cents", "desc")
      .orderBy("b.member_uin")
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => ({ member_uin: r.member_uin, member_name: r.member_name, cents: Number(r.cents) }));
  }

  /** How many products have lines in the filter. */
  async countProducts(f: BillFilter): Promise<number> {
    const r = await this.lines(f).select((eb) => eb.fn.count<number>("b.product_code").distinct().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A page of products by descending total, then ascending code; a product's name is the greatest one its lines carry. */
  async byProduct(f: BillFilter, offset: number, limit: number): Promise<ProductCost[]> {
    const rows = await this.lines(f)
      .select(["b.product_code", (eb) => eb.fn.max("b.product_name").as("product_name"), (eb) => eb.fn.sum<number>("b.amount_cents").as("cents")])
      .groupBy("b.product_code")
      .orderBy("cents", "desc")
      .orderBy("b.product_code")
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => ({ product_code: r.product_code, product_name: r.product_name, cents: Number(r.cents) }));
  }

  /** The total of each month that has lines in the filter, ascending by month. */
  async byMonth(f: BillFilter): Promise<{ month: string; cents: number }[]> {
    const rows = await this.lines(f)
      .select(["b.month", (eb) => eb.fn.sum<number>("b.amount_cents").as("cents")])
      .groupBy("b.month")
      .orderBy("b.month")
      .execute();
    return rows.map((r) => ({ month: r.month, cents: Number(r.cents) }));
  }
}
