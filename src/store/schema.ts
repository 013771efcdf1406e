import type { Generated } from "kysely";
import type { TaskTables } from "./tasks-schema.js";

/** Tables of the TCO database, as Kysely sees them. Flags are 0/1 integers on both dialects. */
export interface DB extends TaskTables {
  counters: CountersTable;
  accounts: AccountsTable;
  access_keys: AccessKeysTable;
  organizations: OrganizationsTable;
  org_nodes: OrgNodesTable;
  org_members: OrgMembersTable;
  org_invitations: OrgInvitationsTable;
  resource_tags: ResourceTagsTable;
  org_auth_relations: OrgAuthRelationsTable;
  member_email_binds: MemberEmailBindsTable;
  member_email_bind_changes: MemberEmailBindChangesTable;
  org_identities: OrgIdentitiesTable;
  org_identity_policies: OrgIdentityPoliciesTable;
  org_member_identities: OrgMemberIdentitiesTable;
  org_member_create_records: OrgMemberCreateRecordsTable;
  org_policies: OrgPoliciesTable;
  org_policy_types: OrgPolicyTypesTable;
  policy_attachments: PolicyAttachmentsTable;
  member_resources: MemberResourcesTable;
  member_resource_tags: MemberResourceTagsTable;
  standalone_tag_policies: StandaloneTagPoliciesTable;
  org_member_deletion: OrgMemberDeletionTable;
  org_service_assigns: OrgServiceAssignsTable;
  org_service_scope_members: OrgServiceScopeMembersTable;
  org_service_scope_nodes: OrgServiceScopeNodesTable;
  org_bills: OrgBillsTable;
  sub_accounts: SubAccountsTable;
  org_member_policies: OrgMemberPoliciesTable;
  org_member_policy_members: OrgMemberPolicyMembersTable;
  org_policy_sub_accounts: OrgPolicySubAccountsTable;
  store_settings: StoreSettingsTable;
  revisions: RevisionsTable;
  org_enabled_permissions: OrgEnabledPermissionsTable;
}

/** A financial permission (3 or 10) enabled for an organization, which its members may then grant. */
export interface OrgEnabledPermissionsTable {
  org_id: number;
  permission_id: number;
  enabled_at: number;
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
  /** set when the key belongs to a sub-account (CAM user) of the account `uin` */
  sub_uin: number | null;
  created_at: number;
  /** 1 when secret_key holds the key sealed with the master key, 0 while it is in clear */
  sealed: Generated<number>;
}

/** Named values of the store itself (the master key's check value). */
export interface StoreSettingsTable {
  name: string;
  value: string;
}

/** Named counters raised by triggers, which the servers read to tell that a cache went stale. */
export interface RevisionsTable {
  name: string;
  value: number;
}

export interface OrganizationsTable {
  org_id: number;
  host_uin: number;
  org_type: number;
  root_node_id: number;
  created_at: number;
  /** rows of org_members in the organization, its admin's included (kept by triggers) */
  member_count: Generated<number>;
  /** rows of org_members with member_type 'Create' and is_admin 0 (kept by triggers) */
  created_member_count: Generated<number>;
  /** raised by the same triggers whenever the organization's member rows change (see MembersRepo.page) */
  members_rev: Generated<number>;
}

export interface OrgNodesTable {
  node_id: number;
  org_id: number;
  /** null for the root node */
  parent_id: number | null;
  name: string;
  remark: string | null;
  /** root = 0 */
  depth: number;
  created_at: number;
  updated_at: number;
}

export type MemberType = "Create" | "Invite";
export type AllowQuit = "Allow" | "Denied";

export interface OrgMembersTable {
  member_uin: number;
  org_id: number;
  node_id: number;
  /** 1 for the organization's admin (its creator) */
  is_admin: number;
  name: string;
  member_type: MemberType;
  policy_type: string;
  /** comma-separated permission ids, ascending: "1,2,7" */
  permission_ids: string;
  is_allow_quit: AllowQuit;
  pay_uin: number | null;
  remark: string | null;
  auth_relation_id: number | null;
  joined_at: number;
  updated_at: number;
}

export type InvitationStatus = "Pending" | "Accepted" | "Denied" | "Cancelled" | "Expired";

export interface OrgInvitationsTable {
  invitation_id: number;
  org_id: number;
  invitee_uin: number;
  name: string;
  remark: string | null;
  node_id: number;
  policy_type: string;
  permission_ids: string;
  is_allow_quit: AllowQuit;
  pay_uin: number | null;
  relation_auth_name: string | null;
  /** JSON array of {TagKey, TagValue} */
  tags_json: string | null;
  status: InvitationStatus;
  created_at: number;
  expire_at: number;
  updated_at: number;
}

export type TaggedResource = "member" | "node";

export interface ResourceTagsTable {
  resource_type: TaggedResource;
  resource_id: number;
  tag_key: string;
  tag_value: string;
}

export interface OrgAuthRelationsTable {
  relation_id: number;
  org_id: number;
  /** 1 for the admin's own entity (its name is the admin's registry entity_name) */
  is_host: number;
  /** the entity's name; null for the admin's own relation */
  auth_name: string | null;
  /** the entity's admin, a member of the organization verified as the entity, once the organization's admin sets one */
  manager_uin: number | null;
  created_at: number;
}

/** Stored states of a login e-mail binding; "Unbound" is the absence of a row. */
export type EmailBindState = "Valid" | "Success" | "Failed";

export interface MemberEmailBindsTable {
  bind_id: number;
  member_uin: number;
  email: string;
  /** the address lower-cased, unique over all rows */
  email_key: string;
  country_code: string;
  phone: string;
  status: EmailBindState;
  description: string | null;
  update_count: Generated<number>;
  resend_count: Generated<number>;
  resend_window_start: Generated<number>;
  resend_window_count: Generated<number>;
  created_at: number;
  sent_at: number;
  expire_at: number;
  bound_at: number | null;
  updated_at: number;
}

/** When a member's activated login e-mail binding was changed (the changes are limited per month). */
export interface MemberEmailBindChangesTable {
  member_uin: number;
  bind_id: number;
  changed_at: number;
}

/** 1: preset (built in, org_id null), 2: custom (defined by one organization) */
export type IdentityType = 1 | 2;

/** Member access identities: the roles an organization may assume in its member accounts. */
export interface OrgIdentitiesTable {
  identity_id: number;
  /** null for the built-in (preset) identities shared by every organization */
  org_id: number | null;
  /** CAM role created in the member account, e.g. OrganizationAccessControlRole */
  role_name: string;
  alias_name: string;
  description: string;
  identity_type: IdentityType;
  created_at: number;
  updated_at: number;
}

/** The CAM policies an identity grants, in the order they were given. */
export interface OrgIdentityPoliciesTable {
  identity_id: number;
  position: number;
  /** CAM preset policy (policy_type 2) */
  policy_id: number | null;
  policy_name: string | null;
  /** 1: custom policy document, 2: CAM preset policy */
  policy_type: number;
  policy_document: string | null;
}

/** Which identities a member account supports. */
export interface OrgMemberIdentitiesTable {
  member_uin: number;
  identity_id: number;
  /** when the identity's role was first set up in the member account */
  created_at: number;
  /** when it was last (re)configured; null means at created_at */
  configured_at: number | null;
}

export type CreateRecordStatus = "Pending" | "Failed" | "Success";

/** One row per CreateOrganizationMember attempt, so a failed attempt can be retried by RecordId. */
export interface OrgMemberCreateRecordsTable {
  record_id: number;
  org_id: number;
  name: string;
  account_name: string;
  node_id: number;
  status: CreateRecordStatus;
  /** the created account, once the attempt succeeded */
  member_uin: number | null;
  /** the error code of the last failed attempt */
  error_code: string | null;
  created_at: number;
  updated_at: number;
}
export type PolicyType = "SERVICE_CONTROL_POLICY" | "TAG_POLICY";

export interface OrgPoliciesTable {
  policy_id: number;
  /** null for presets, which every organization sees */
  org_id: number | null;
  policy_type: PolicyType;
  name: string;
  description: string | null;
  content: string;
  /** 1 for the presets (API Type 2), 0 for custom policies (API Type 1) */
  is_preset: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface OrgPolicyTypesTable {
  org_id: number;
  policy_type: PolicyType;
  enabled_at: number;
}

export type PolicyTargetType = "NODE" | "MEMBER";

export interface PolicyAttachmentsTable {
  attachment_id: number;
  org_id: number;
  policy_id: number;
  policy_type: PolicyType;
  target_type: PolicyTargetType;
  /** set when target_type is NODE */
  node_id: number | null;
  /** set when target_type is MEMBER */
  member_uin: number | null;
  created_at: number;
}

export interface MemberResourcesTable {
  resource_id: number;
  uin: number;
  service_type: string;
  resource_type: string;
  /** "" when the resource has no region */
  region: string;
  resource_key: string;
  created_at: number;
  updated_at: number;
}

/** Sub-accounts (CAM users) of an account; they sign with their own keys and act for the owner. */
export interface SubAccountsTable {
  sub_uin: number;
  owner_uin: number;
  name: string;
  created_at: number;
}

/**
 * Member access policies: a CAM policy of the admin's account that lets the sub-accounts bound to
 * it log in to the covered member accounts with one identity.
 */
export interface OrgMemberPoliciesTable {
  policy_id: number;
  org_id: number;
  name: string;
  identity_id: number;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface MemberResourceTagsTable {
  resource_id: number;
  tag_key: string;
  tag_value: string;
}

export interface StandaloneTagPoliciesTable {
  uin: number;
  enabled_at: number;
}

/** An organization whose admin turned member deletion on (DeleteAccount refuses without a row). */
export interface OrgMemberDeletionTable {
  org_id: number;
  enabled_at: number;
}

/** A member made delegated admin of an organization service (one row per service and member). */
export interface OrgServiceAssignsTable {
  org_id: number;
  service_id: number;
  member_uin: number;
  /** 1: all members, 2: the chosen members and departments */
  management_scope: number;
  /** 1: the organization feature is switched on in the service's console, 2: not */
  usage_status: Generated<number>;
  created_at: number;
  /** place in the listing: after the service's earlier delegations, in the order MemberUins gave */
  ordinal: Generated<number>;
}

/** Members a delegated admin with ManagementScope 2 manages. */
export interface OrgServiceScopeMembersTable {
  org_id: number;
  service_id: number;
  admin_uin: number;
  member_uin: number;
  /** place in ManagementScopeUins as given */
  ordinal: Generated<number>;
}

/** Departments a delegated admin with ManagementScope 2 manages (their sub-departments included). */
export interface OrgServiceScopeNodesTable {
  org_id: number;
  service_id: number;
  admin_uin: number;
  node_id: number;
  /** place in ManagementScopeNodeIds as given */
  ordinal: Generated<number>;
}

/** What an account spent on a product in a month, as loaded by the operator. */
export interface OrgBillsTable {
  member_uin: number;
  /** YYYY-MM */
  month: string;
  product_code: string;
  product_name: string;
  /** whole cents (1/100 yuan), never negative */
  amount_cents: number;
  loaded_at: number;
}

/** The member accounts a member access policy covers, with the policy's identity (a grant of it). */
export interface OrgMemberPolicyMembersTable {
  policy_id: number;
  member_uin: number;
  identity_id: number;
}

/** The admin's sub-accounts bound to a member access policy. */
export interface OrgPolicySubAccountsTable {
  policy_id: number;
  sub_uin: number;
  created_at: number;
  updated_at: number;
}
