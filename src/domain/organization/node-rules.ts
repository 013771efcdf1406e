import { ApiError } from "../../protocol/api-error.js";
import type { OrgNode as OrgNodeView } from "../../spec/generated/v20210331.js";
import type { OrgNode } from "../../store/nodes-repo.js";
import type { TagPair } from "../../store/tags-repo.js";
import { formatTime } from "../base/time.js";

/** Department names: up to 40 letters, digits, Chinese characters and +@&._[]- */
const NODE_NAME_RE = /^[A-Za-z0-9\u4e00-\u9fa5+@&._\[\]\-]{1,40}$/;

/** Department remarks: the docs give no limit; the stored column holds 255 characters. */
export const NODE_REMARK_MAX = 255;

/** How a department with no parent (the root) shows its ParentNodeId. */
export const NO_PARENT = 0;

/** Refuse a department name outside the documented alphabet or length → InvalidParameter. */
export function checkNodeName(value: string, param = "Name"): void {
  if (!NODE_NAME_RE.test(value)) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`${param}\` must be 1 to 40 letters, digits, Chinese characters or +@&._[]- characters.`,
      zh: `参数\`${param}\`须为 1 至 40 个字母、数字、汉字或 +@&._[]- 字符。`,
    });
  }
}

/** A node and everything below it, found in the full list of its organization's nodes. */
export function subtreeOf(nodes: readonly OrgNode[], rootId: number): OrgNode[] {
  const children = new Map<number, OrgNode[]>();
  for (const n of nodes) {
    if (n.parent_id === null) continue;
    const list = children.get(n.parent_id) ?? [];
    list.push(n);
    children.set(n.parent_id, list);
  }
  const start = nodes.find((n) => n.node_id === rootId);
  const out: OrgNode[] = [];
  const stack = start ? [start] : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...(children.get(n.node_id) ?? []));
  }
  return out;
}

/** The OrgNode of API 2021-03-31. */
export function orgNodeView(n: OrgNode, tags: readonly TagPair[], utcOffsetMinutes: number): OrgNodeView {
  return {
    NodeId: n.node_id,
    Name: n.name,
    ParentNodeId: n.parent_id ?? NO_PARENT,
    Remark: n.remark ?? "",
    CreateTime: formatTime(n.created_at, utcOffsetMinutes),
    UpdateTime: formatTime(n.updated_at, utcOffsetMinutes),
    Tags: tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
  };
}

/** A department name already used in the organization → FailedOperation.OrganizationNodeNameUsed. */
export function nodeNameUsed(name: string): ApiError {
  return new ApiError("FailedOperation.OrganizationNodeNameUsed", {
    en: `Parameter \`Name\`: the organization already has a department named ${name}; department names are unique in the organization.`,
    zh: `参数\`Name\`：组织中已有名为 ${name} 的部门，部门名称在组织内不能重复。`,
  });
}
