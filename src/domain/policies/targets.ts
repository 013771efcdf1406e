import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { PolicyTarget } from "../../store/policy-attachments-repo.js";
import type { Store } from "../../store/store.js";

/** The TargetType parameter of AttachPolicy and DetachPolicy: NODE (a department) or MEMBER (an account). */
export function targetTypeParam(value: string): "NODE" | "MEMBER" {
  if (value !== "NODE" && value !== "MEMBER") {
    throw new ApiError("InvalidParameter.ParamError", { en: "Parameter `TargetType` must be NODE or MEMBER.", zh: "参数`TargetType`取值须为 NODE 或 MEMBER。" });
  }
  return value;
}

/** The codes answered for a department or member that is not in the organization. */
export interface TargetCodes {
  node: ErrorCode;
  member: ErrorCode;
}

/** The department or member a TargetType/TargetId pair names in the organization. */
export async function requireTarget(store: Store, orgId: number, type: "NODE" | "MEMBER", id: number, codes: TargetCodes): Promise<PolicyTarget> {
  if (type === "NODE") {
    if (!(await store.nodes.find(orgId, id))) {
      throw new ApiError(codes.node, { en: `Parameter \`TargetId\`: department ${id} does not exist in the organization.`, zh: `参数\`TargetId\`：组织中不存在部门 ${id}。` });
    }
    return { type, nodeId: id };
  }
  const member = await store.members.find(id);
  if (!member || member.org_id !== orgId) {
    throw new ApiError(codes.member, { en: `Parameter \`TargetId\`: account ${id} is not a member of the organization.`, zh: `参数\`TargetId\`：账号 ${id} 不是组织成员。` });
  }
  return { type, uin: id };
}
