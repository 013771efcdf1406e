/** Yes/no flags of the catalogue as the API encodes them (1 yes, 2 no). */
export const YES = 1;
export const NO = 2;

/** A Tencent Cloud service that integrates with the organization (an "organization service"). */
export interface OrganizationService {
  /** the catalogue id (ServiceId) */
  id: number;
  /** product identifier (Product), lower case */
  product: string;
  name: { en: string; zh: string };
  description: { en: string; zh: string };
  /** whether members can be made its delegated admins */
  assignable: boolean;
  /** how many delegated admins it accepts */
  maxAdmins: number;
  /** whether it reports, per delegated admin, if the organization feature is switched on in its console */
  reportsUsage: boolean;
  /** whether a delegated admin may be limited to chosen members and departments (ManagementScope 2) */
  scoped: boolean;
  consoleUrl: string;
  document: string;
  /** where the id comes from: the page or example that names it, or that none does */
  idSource: string;
}

/** The help page on delegated admin accounts, for services without a page of their own here. */
const DELEGATED_ADMIN_DOC = "https://cloud.tencent.com/document/product/850/83644";

/**
 * No page or example names this service's id. Checked against: the examples of ListOrganizationService,
 * ListOrgServiceAssignMember, CreateOrgServiceAssign and DeleteOrgServiceAssign (examples.json and
 * examples.en.json of 2021-03-31, the same on https://cloud.tencent.com/document/api/850/109802 and
 * 850/109801 and in tccli's examples), and the Terraform provider's tencentcloud_organization_service_assign
 * docs, example and acceptance test and its tencentcloud_organization_services data source (which
 * names none): only 1 (CloudAudit) and 15 (no product named) appear. The id is TCO's own, kept from
 * its first catalogue so that stored delegations keep their meaning.
 */
const TCO_OWN_ID = "TCO's own: no page or example names this service's id";

/**
 * The services that integrate with the organization, by ascending id; each entry's `idSource` says
 * where its id comes from (see TCO_OWN_ID for what was checked). CloudAudit's id 1, product
 * identifier, limit of 5 admins and lack of a partial scope are those of the API examples; the other
 * limits and the usage and scope flags are TCO's own choices, as the docs leave them to each
 * service. ProductName is the English name on both sites (as the docs' example shows).
 * Descriptions are TCO's own words. Migration 0013 moved the delegations stored under the ids of
 * TCO's first catalogue (CloudAudit 12, Config 18) to these.
 */
export const CATALOGUE: readonly OrganizationService[] = [
  {
    id: 1,
    idSource:
      "the 2021-03-31 examples of ListOrganizationService (ServiceId 1, Product cloudaudit, ProductName CloudAudit), " +
      "ListOrgServiceAssignMember, CreateOrgServiceAssign and DeleteOrgServiceAssign (ServiceId 1, Product cloudaudit): " +
      "https://cloud.tencent.com/document/api/850/109802, 850/109801",
    product: "cloudaudit",
    name: { en: "CloudAudit", zh: "云审计" },
    description: {
      en: "Collect the operation logs of every member in one tracking set, delivered where the delegated admin chooses.",
      zh: "用一个跟踪集收集所有成员的操作日志，并投递到委派管理员指定的位置。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: false,
    scoped: false,
    consoleUrl: "https://console.cloud.tencent.com/cloudaudit",
    document: "https://cloud.tencent.com/document/product/629",
  },
  {
    id: 13,
    idSource: TCO_OWN_ID,
    product: "billing",
    name: { en: "Billing Center", zh: "费用中心" },
    description: {
      en: "Let a finance admin read members' bills and balances and merge their billing.",
      zh: "让财务管理员查看成员的账单、余额并合并出账。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: false,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/expense",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 15,
    idSource:
      "the Terraform provider's tencentcloud_organization_service_assign example and acceptance test (service_id 15 " +
      "with management_scope 2 and two member_uins; it names no product): TCO gives 15 to a service that accepts " +
      "several delegated admins with a partial scope, Config",
    product: "config",
    name: { en: "Config", zh: "配置审计" },
    description: {
      en: "Record the configuration of members' cloud resources and check it against compliance rules in one place.",
      zh: "集中记录成员云资源的配置，并按合规规则统一评估。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: true,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/config",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 23,
    idSource: TCO_OWN_ID,
    product: "csip",
    name: { en: "Cloud Security Center", zh: "云安全中心" },
    description: {
      en: "See and handle the security risks of many member accounts from one console.",
      zh: "在一个控制台中查看并处置多个成员账号的安全风险。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: true,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/csip",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 24,
    idSource: TCO_OWN_ID,
    product: "controlcenter",
    name: { en: "Control Center", zh: "控制中心" },
    description: {
      en: "Set up and govern a multi-account landing zone with account baselines; managed by the admin only.",
      zh: "搭建并治理多账号环境、统一账号基线；仅由管理员管理。",
    },
    assignable: false,
    maxAdmins: 0,
    reportsUsage: false,
    scoped: false,
    consoleUrl: "https://console.cloud.tencent.com/controlcenter",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 25,
    idSource: TCO_OWN_ID,
    product: "cic",
    name: { en: "Identity Center Management", zh: "身份中心管理" },
    description: {
      en: "Manage users, single sign-on and their access to member accounts following the organization's structure.",
      zh: "按组织结构统一管理用户、单点登录及其对成员账号的访问权限。",
    },
    assignable: true,
    maxAdmins: 1,
    reportsUsage: false,
    scoped: false,
    consoleUrl: "https://console.cloud.tencent.com/organization/cic",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 27,
    idSource: TCO_OWN_ID,
    product: "quota",
    name: { en: "Quota Center", zh: "配额中心" },
    description: {
      en: "View and request cloud service quotas of the members in one place.",
      zh: "集中查看并申请成员的云服务配额。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: false,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/quota",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 28,
    idSource: TCO_OWN_ID,
    product: "waf",
    name: { en: "Web Application Firewall", zh: "Web 应用防火墙" },
    description: {
      en: "Manage the web application firewall resources of all members.",
      zh: "统一管理所有成员的 Web 应用防火墙资源。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: true,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/guanjia/waf",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 29,
    idSource: TCO_OWN_ID,
    product: "kms",
    name: { en: "Key Management Service", zh: "密钥管理系统" },
    description: {
      en: "Turn on key management for members and view or manage their keys.",
      zh: "为成员开通密钥管理服务，并查看、管理其密钥。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: false,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/kms2",
    document: DELEGATED_ADMIN_DOC,
  },
  {
    id: 30,
    idSource: TCO_OWN_ID,
    product: "fwm",
    name: { en: "Firewall Manager", zh: "防火墙管理" },
    description: {
      en: "Define firewall policies once and apply them across products and member accounts.",
      zh: "一次定义防火墙策略，并跨产品、跨成员账号统一下发。",
    },
    assignable: true,
    maxAdmins: 5,
    reportsUsage: true,
    scoped: true,
    consoleUrl: "https://console.cloud.tencent.com/cfw",
    document: DELEGATED_ADMIN_DOC,
  },
];

const BY_ID = new Map(CATALOGUE.map((s) => [s.id, s]));
const BY_PRODUCT = new Map(CATALOGUE.map((s) => [s.product, s]));

/** The service with this id, if the catalogue has it. */
export const serviceById = (id: number): OrganizationService | undefined => BY_ID.get(id);

/** The service with this product identifier (case-insensitive), if the catalogue has it. */
export const serviceByProduct = (product: string): OrganizationService | undefined => BY_PRODUCT.get(product.trim().toLowerCase());

/** Services whose name (either language) or product identifier contains `key`, case-insensitively; all without a key. */
export function searchServices(key: string | undefined): OrganizationService[] {
  const text = key?.trim().toLowerCase();
  if (!text) return [...CATALOGUE];
  return CATALOGUE.filter((s) => [s.product, s.name.en.toLowerCase(), s.name.zh].some((v) => v.includes(text)));
}

/** ManagementScope values. */
export const SCOPE_ALL = 1;
export const SCOPE_PARTIAL = 2;

/** UsageStatus values of a delegation (0 when the service reports none). */
export const USAGE_NONE = 0;
export const USAGE_ENABLED = 1;
export const USAGE_DISABLED = 2;
