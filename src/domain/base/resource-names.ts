import type { MemberResource } from "../../store/member-resources-repo.js";

/** The six-segment name of a member's resource: qcs::service:region:uin/<uin>:type/id. */
export const sixSegment = (r: MemberResource): string => `qcs::${r.service_type}:${r.region}:uin/${r.uin}:${r.resource_type}/${r.resource_key}`;
