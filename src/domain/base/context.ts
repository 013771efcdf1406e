import type { Language } from "../../protocol/api-error.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { ServiceAssign } from "../../store/service-assigns-repo.js";
import type { Store } from "../../store/store.js";
import type { Lifecycle } from "./hooks.js";
import type { Ids } from "./ids.js";
import type { TaskService } from "../../tasks/service.js";

/** Settings the business rules consult; all have defaults and are set from the environment. */
export interface DomainSettings {
  /** offset of displayed times from UTC, in minutes (China Standard Time: 480) */
  utcOffsetMinutes: number;
  /**
   * accounts in one organization, the admin included (TCO_MAX_MEMBERS). The FAQ "Operation"
   * (https://www.tencentcloud.com/document/product/1031/32016) gives 100 accounts per organization,
   * more only through a support ticket: the default is 100, the setting plays the ticket.
   */
  maxMembers: number;
  /** member accounts one organization may create, its admin not counted (TCO_MAX_CREATED_MEMBERS) */
  maxCreatedMembers: number;
  /** departments in one organization, the root included (TCO_MAX_NODES) */
  maxNodes: number;
  /** levels of departments below the root (TCO_MAX_NODE_DEPTH) */
  maxNodeDepth: number;
  /** pending invitations of one organization (TCO_MAX_PENDING_INVITATIONS) */
  maxPendingInvitations: number;
  /** days before a pending invitation expires (TCO_INVITATION_TTL_DAYS) */
  invitationTtlDays: number;
  /** custom service control policies of one organization (TCO_MAX_SCP_POLICIES) */
  maxScpPolicies: number;
  /** custom tag policies of one organization (TCO_MAX_TAG_POLICIES) */
  maxTagPolicies: number;
  /** service control policies attached directly to one department or member (TCO_MAX_SCP_ATTACHMENTS) */
  maxScpAttachments: number;
  /** tag policies attached directly to one department or member (TCO_MAX_TAG_ATTACHMENTS) */
  maxTagAttachments: number;
  /** custom member access identities of one organization (TCO_MAX_IDENTITIES) */
  maxIdentities: number;
}

export const DEFAULT_DOMAIN_SETTINGS: DomainSettings = {
  utcOffsetMinutes: 480,
  maxMembers: 100,
  maxCreatedMembers: 1000,
  maxNodes: 1000,
  maxNodeDepth: 5,
  maxPendingInvitations: 100,
  invitationTtlDays: 7,
  maxScpPolicies: 1500,
  maxTagPolicies: 100,
  maxScpAttachments: 200,
  maxTagAttachments: 10,
  maxIdentities: 30,
};

/**
 * Who is calling: the account that owns the access key. Registry attributes (verification,
 * arrears, ...) are read from the store by the rules that need them, never cached here. A key of
 * a sub-account (CAM user) acts for its owner: `uin` is the owner's, `subUin` the sub-account's.
 */
export interface Caller {
  uin: number;
  isRoot: boolean;
  subUin?: number;
}

/** Everything a handler may use besides its input. Time and ids come from here so tests can fix them. */
export interface Context {
  caller: Caller;
  store: Store;
  /** current time, epoch milliseconds */
  now(): number;
  /** new random ids and access keys */
  ids: Ids;
  requestId: string;
  /** the action being answered, and its API version */
  action: string;
  version: string;
  lang: Language;
  settings: DomainSettings;
  /** the other areas' part in a change (member joined or leaving, organization deleted, ...) */
  hooks: Lifecycle;
  /** asynchronous tasks: create one, read one (settled first when due) */
  tasks: TaskService;
}

/** The context of an action that only an organization's admin may call (caller rule `admin`). */
export interface AdminContext extends Context {
  /** the organization the caller administers, as it was when the call began */
  org: Organization;
}

/** The context of an action any account of an organization may call (caller rule `member`). */
export interface MemberContext extends AdminContext {
  /** the caller's membership (its admin's too) */
  membership: OrgMember;
}

/** The context of an action the admin or a delegated admin of a service may call (caller rule `delegate`). */
export interface DelegateContext extends MemberContext {
  /** the caller's delegation for the service the input names; undefined for the admin */
  delegation?: ServiceAssign;
}
