import { sql, type Kysely, type Selectable } from "kysely";
import { containsPattern } from "./policies-repo.js";
import type { DB, PolicyType } from "./schema.js";

export type PolicyAttachment = Selectable<DB["policy_attachments"]>;

/** What a policy is attached to: a department (the root included) or a member account. */
export type PolicyTarget = { type: "NODE"; nodeId: number } | { type: "MEMBER"; uin: number };

/** An attachment with the policy it attaches. */
export type AttachedPolicy = PolicyAttachment & {
  name: string;
  description: string | null;
  content: string;
  is_preset: number;
  policy_created_at: number;
  policy_updated_at: number;
};

/** An attachment with its target's id and name (department or member name). */
export type AttachmentTarget = PolicyAttachment & { target_id: number; target_name: string };

/** The id a target has in the API: the department id or the member's UIN. */
export const targetIdOf = (t: PolicyTarget): number => (t.type === "NODE" ? t.nodeId : t.uin);

/** Attachments of policies to departments and members. */
export class PolicyAttachmentsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private columnsOf(t: PolicyTarget) {
    return t.type === "NODE" ? { node_id: t.nodeId, member_uin: null } : { node_id: null, member_uin: t.uin };
  }

  async insert(a: { attachmentId: number; orgId: number; policyId: number; policyType: PolicyType; target: PolicyTarget; now: number }): Promise<void> {
    await this.db
      .insertInto("policy_attachments")
      .values({
        attachment_id: a.attachmentId,
        org_id: a.orgId,
        policy_id: a.policyId,
        policy_type: a.policyType,
        target_type: a.target.type,
        ...this.columnsOf(a.target),
        created_at: a.now,
      })
      .execute();
  }

  /** The attachment of a policy to a target, if any. */
  find(policyId: number, t: PolicyTarget): Promise<PolicyAttachment | undefined> {
    let q = this.db.selectFrom("policy_attachments").selectAll().where("policy_id", "=", policyId);
    q = t.type === "NODE" ? q.where("node_id", "=", t.nodeId) : q.where("member_uin", "=", t.uin);
    return q.executeTakeFirst();
  }

  /** Detach a policy from a target; answers whether it was attached. */
  async delete(policyId: number, t: PolicyTarget): Promise<boolean> {
    let q = this.db.deleteFrom("policy_attachments").where("policy_id", "=", policyId);
    q = t.type === "NODE" ? q.where("node_id", "=", t.nodeId) : q.where("member_uin", "=", t.uin);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** How many policies of a type are attached directly to a target. */
  async countForTarget(t: PolicyTarget, type: PolicyType): Promise<number> {
    let q = this.db.selectFrom("policy_attachments").select((eb) => eb.fn.countAll<number>().as("n")).where("policy_type", "=", type);
    q = t.type === "NODE" ? q.where("node_id", "=", t.nodeId) : q.where("member_uin", "=", t.uin);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** How many targets a policy is attached to. */
  async countForPolicy(policyId: number): Promise<number> {
    const r = await this.db.selectFrom("policy_attachments").select((eb) => eb.fn.countAll<number>().as("n")).where("policy_id", "=", policyId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Drop every attachment of a type in an organization (the type was disabled). */
  async deleteByType(orgId: number, type: PolicyType): Promise<void> {
    await this.db.deleteFrom("policy_attachments").where("org_id", "=", orgId).where("policy_type", "=", type).execute();
  }

  /**
   * A page of the policies of a type attached directly to a target (by attachment time), those whose
   * name contains `keyword` when given, and how many match in all.
   */
  async pageForTarget(t: PolicyTarget, type: PolicyType, keyword: string, offset: number, limit: number): Promise<{ rows: AttachedPolicy[]; total: number }> {
    let q = this.attachedPolicies().where("a.policy_type", "=", type);
    q = t.type === "NODE" ? q.where("a.node_id", "=", t.nodeId) : q.where("a.member_uin", "=", t.uin);
    if (keyword !== "") q = q.where(sql<boolean>`lower(p.name) like ${containsPattern(keyword)} escape '\\'`);
    const [rows, total] = await Promise.all([
      q.selectAll("a").select(ATTACHED_POLICY_COLUMNS).orderBy("a.created_at").orderBy("a.attachment_id").offset(offset).limit(limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  /**
   * Every policy of a type attached to any of the given departments or to the given member, in
   * attachment order: what the effective policy of a target is computed from.
   */
  forTargets(orgId: number, type: PolicyType, nodeIds: readonly number[], memberUin: number | null): Promise<AttachedPolicy[]> {
    return this.attachedPolicies()
      .where("a.org_id", "=", orgId)
      .where("a.policy_type", "=", type)
      .where((eb) => {
        const any = [];
        if (nodeIds.length > 0) any.push(eb("a.node_id", "in", nodeIds));
        if (memberUin !== null) any.push(eb("a.member_uin", "=", memberUin));
        return any.length > 0 ? eb.or(any) : eb.val(false);
      })
      .selectAll("a")
      .select(ATTACHED_POLICY_COLUMNS)
      .orderBy("a.created_at")
      .orderBy("a.attachment_id")
      .execute();
  }

  /**
   * A page of the targets a policy is attached to in an organization (by attachment time), with
   * their names; `targetType` narrows to departments or members, and `tokens`, when given, keep
   * only targets whose id equals a token or whose name contains one.
   */
  async pageForPolicy(
    orgId: number,
    policyId: number,
    targetType: "NODE" | "MEMBER" | null,
    tokens: readonly string[],
    offset: number,
    limit: number,
  ): Promise<{ rows: AttachmentTarget[]; total: number }> {
    let q = this.db
      .selectFrom("policy_attachments as a")
      .leftJoin("org_nodes as n", "n.node_id", "a.node_id")
      .leftJoin("org_members as m", "m.member_uin", "a.member_uin")
      .where("a.org_id", "=", orgId)
      .where("a.policy_id", "=", policyId);
    if (targetType !== null) q = q.where("a.target_type", "=", targetType);
    if (tokens.length > 0) {
      q = q.where((eb) =>
        eb.or(
          tokens.flatMap((t) => [
            ...(/^\d+$/.test(t) ? [eb("a.node_id", "=", Number(t)), eb("a.member_uin", "=", Number(t))] : []),
            eb(sql<string>`lower(coalesce(n.name, m.name))`, "like", sql<string>`${containsPattern(t)} escape '\\'`),
          ]),
        ),
      );
    }
    const [rows, total] = await Promise.all([
      q
        .selectAll("a")
        .select([sql<number>`coalesce(a.node_id, a.member_uin)`.as("target_id"), sql<string>`coalesce(n.name, m.name, '')`.as("target_name")])
        .orderBy("a.created_at")
        .orderBy("a.attachment_id")
        .offset(offset)
        .limit(limit)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => ({ ...r, target_id: Number(r.target_id) })), total: Number(total.n) };
  }

  private attachedPolicies() {
    return this.db.selectFrom("policy_attachments as a").innerJoin("org_policies as p", "p.policy_id", "a.policy_id");
  }
}

const ATTACHED_POLICY_COLUMNS = [
  "p.name",
  "p.description",
  "p.content",
  "p.is_preset",
  "p.created_at as policy_created_at",
  "p.updated_at as policy_updated_at",
] as const;
