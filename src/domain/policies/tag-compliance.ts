import type { TagPair } from "../../store/tags-repo.js";
import { tagKeyOf, type EffectiveTagPolicy } from "./tag-merge.js";

/** A resource as compliance checks see it. */
export interface ResourceUnderCheck {
  serviceType: string;
  resourceType: string;
  tags: readonly TagPair[];
}

/** How a resource fares against an effective tag policy. */
export interface Compliance {
  compliant: boolean;
  /** tag keys that match a governed key only when case is ignored */
  nonCompliantKeys: string[];
  /** governed tag keys whose value the policy does not allow */
  keysWithNonCompliantValues: string[];
}

/** Whether a resource type pattern of a policy ("*", "cvm:*", "cvm:instance") covers a resource. */
export function coversResourceType(pattern: string, serviceType: string, resourceType: string): boolean {
  if (pattern === "*") return true;
  const [service, type] = pattern.split(":", 2);
  return service === serviceType && (type === "*" || type === resourceType);
}

/** Whether a tag value is allowed by a policy value, which may hold one `*` standing for any text. */
export function valueAllowed(pattern: string, value: string): boolean {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === value;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
}

/**
 * Check a resource's tags against an effective tag policy. A governed key applies to a resource
 * when its resource_type_scope covers the resource's type (or it sets none) and detection is not
 * off. A tag whose key equals a governed tag key only when case is ignored is a non-compliant key;
 * a tag with the governed key whose value is not among tag_value (when the policy lists values and
 * does not take them dynamically from CAM) has a non-compliant value. Missing tags are not checked.
 * `onlyKey`, when given, restricts the check to the governed key of that name (case ignored).
 */
export function checkCompliance(effective: EffectiveTagPolicy, r: ResourceUnderCheck, onlyKey?: string): Compliance {
  const nonCompliantKeys: string[] = [];
  const keysWithNonCompliantValues: string[] = [];
  for (const s of effective.values()) {
    const governed = tagKeyOf(s);
    if (onlyKey !== undefined && governed.toLowerCase() !== onlyKey.toLowerCase()) continue;
    if (s.values.get("detection") === "off") continue;
    const scope = s.values.get("resource_type_scope");
    if (Array.isArray(scope) && !scope.some((p) => coversResourceType(p, r.serviceType, r.resourceType))) continue;
    const allowedValues = s.values.get("tag_value");
    const dynamic = s.values.get("tag_value_dynamic") === "on";
    for (const tag of r.tags) {
      if (tag.TagKey.toLowerCase() !== governed.toLowerCase()) continue;
      if (tag.TagKey !== governed) nonCompliantKeys.push(tag.TagKey);
      else if (Array.isArray(allowedValues) && !dynamic && !allowedValues.some((p) => valueAllowed(p, tag.TagValue))) keysWithNonCompliantValues.push(tag.TagKey);
    }
  }
  return { compliant: nonCompliantKeys.length === 0 && keysWithNonCompliantValues.length === 0, nonCompliantKeys, keysWithNonCompliantValues };
}
