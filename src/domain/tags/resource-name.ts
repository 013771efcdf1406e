import { ApiError } from "../../protocol/api-error.js";
import type { TaggedResource } from "../../store/schema.js";

/** The service segment of every resource TCO holds tags for. */
export const ORGANIZATION_SERVICE = "organization";

/**
 * Resource prefixes of the organization's taggable resources, as the Terraform provider names them:
 * its tencentcloud_organization_org_node and _org_member resources call
 * BuildTagResourceName("organization", "node" | "member", region, id)
 * (tencentcloud/services/tco/resource_tc_organization_org_{node,member}.go), which writes
 * `qcs::organization:<region>:uin/:<prefix>/<id>`.
 */
export const PREFIXES: Readonly<Record<string, TaggedResource>> = { node: "node", member: "member" };

/** A six-segment resource name of an organization department or member, parsed. */
export interface ResourceName {
  region: string;
  /** the owner account named in the fourth segment; undefined when it is left empty */
  uin?: number;
  type: TaggedResource;
  /** department id or member UIN */
  id: number;
}

/** A region segment: empty (organization resources are not regional) or like ap-guangzhou. */
export const REGION_RE = /^(?:[a-z]{2,}(?:-[a-z0-9]+)+)?$/;
/** Department ids and UINs: decimal, as the organization API writes them. */
export const RESOURCE_ID_RE = /^[1-9]\d{0,15}$/;
const NAME_RE = /^qcs:[^:]*:([^:]*):([^:]*):([^:]*):([^:]*)$/;
const ACCOUNT_RE = /^uin\/(\d{0,16})$/;
const RESOURCE_RE = /^([^/]*)\/(.*)$/;

const badName = (param: string, name: string, en: string, zh: string) =>
  new ApiError("InvalidParameterValue.ResourceDescriptionError", {
    en: `Parameter \`${param}\`: ${JSON.stringify(name)} ${en}`,
    zh: `参数\`${param}\`：${JSON.stringify(name)} ${zh}`,
  });

/**
 * Parse `qcs:<project>:organization:<region>:uin/<uin>:<node|member>/<id>` (the six-segment form,
 * https://cloud.tencent.com/document/product/598/10606: the project segment is legacy and ignored;
 * an empty account segment means the caller's own account) → InvalidParameterValue.ResourceDescriptionError
 * when it is not such a name. Resources of other services are refused the same way: this server
 * holds tags of organization departments and members only.
 */
export function parseResourceName(name: string, param: string): ResourceName {
  const m = NAME_RE.exec(name);
  if (!m) {
    throw badName(param, name, "is not a six-segment resource name qcs::<service>:<region>:uin/<uin>:<prefix>/<id>.", "不是 qcs::<服务>:<地域>:uin/<uin>:<前缀>/<ID> 形式的资源六段式。");
  }
  const [, service, region, account, resource] = m;
  if (service !== ORGANIZATION_SERVICE) {
    throw badName(
      param,
      name,
      `names service ${JSON.stringify(service)}; this server holds tags of organization resources only (qcs::organization:...:node/<id> or member/<uin>).`,
      `指定的服务为 ${JSON.stringify(service)}；本服务只保存集团账号管理资源的标签（qcs::organization:...:node/<ID> 或 member/<UIN>）。`,
    );
  }
  if (!REGION_RE.test(region)) throw badName(param, name, `has an invalid region segment ${JSON.stringify(region)}.`, `的地域段 ${JSON.stringify(region)} 无效。`);
  const a = ACCOUNT_RE.exec(account);
  if (!a) throw badName(param, name, "must name its owner as uin/<uin> or leave it empty as uin/.", "的账号段须为 uin/<UIN>，或留空为 uin/。");
  const r = RESOURCE_RE.exec(resource);
  const type = r ? PREFIXES[r[1]] : undefined;
  if (!r || !type) throw badName(param, name, "must end in node/<department id> or member/<member UIN>.", "须以 node/<部门 ID> 或 member/<成员 UIN> 结尾。");
  if (!RESOURCE_ID_RE.test(r[2])) throw badName(param, name, `has an invalid ${r[1]} id ${JSON.stringify(r[2])}.`, `的${r[1]} ID ${JSON.stringify(r[2])} 无效。`);
  return { region, ...(a[1] ? { uin: Number(a[1]) } : {}), type, id: Number(r[2]) };
}

/** The six-segment name of a resource owned by `uin`. */
export function formatResourceName(region: string, uin: number, type: TaggedResource, id: number): string {
  return `qcs::${ORGANIZATION_SERVICE}:${region}:uin/${uin}:${type}/${id}`;
}
