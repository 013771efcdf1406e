import type { ListPolicyNode } from "../../spec/generated/v20210331.js";
import type { PolicyListing } from "../../store/policies-repo.js";
import { formatTime } from "../base/time.js";
import { CUSTOM_POLICY, PRESET_POLICY } from "./rules.js";

/** The API's policy kind of a stored policy: 1 custom, 2 preset. */
export const policyKind = (p: { is_preset: number }): number => (p.is_preset === 1 ? PRESET_POLICY : CUSTOM_POLICY);

/** ListPolicyNode of a policy as ListPolicies shows it. */
export function listPolicyNode(p: PolicyListing, utcOffsetMinutes: number): ListPolicyNode {
  return {
    AddTime: formatTime(p.created_at, utcOffsetMinutes),
    AttachedTimes: p.attached_times,
    Description: p.description ?? "",
    PolicyName: p.name,
    PolicyId: p.policy_id,
    UpdateTime: formatTime(p.updated_at, utcOffsetMinutes),
    Type: policyKind(p),
  };
}
