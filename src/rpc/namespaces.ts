import type { Context } from "../domain/base/context.js";
import type { Namespace as DomainNamespace } from "../domain/base/contract.js";
import { ACTIONS } from "../domain/registry.js";
import { OPERATOR_HANDLERS, OPERATOR_SCHEMA, OPERATOR_VERSION } from "../operator/index.js";
import type { OperatorContext } from "../operator/context.js";
import { Validators } from "../protocol/validate.js";
import { ACTION_RATE_LIMITS } from "../spec/generated/rate-limits.js";
import { API_VERSIONS, schemaOf, TAG_API_VERSION, TAG_SCHEMA } from "../spec/index.js";
import type { SpecSchema } from "../spec/schema-types.js";

/** What the server keeps per process that operator actions reach. */
export type OperatorState = Pick<OperatorContext, "faults" | "credentials">;

/** One API namespace the endpoint serves: its schema and validators, its rate limits, how an action runs. */
export interface ServedNamespace {
  schema: SpecSchema;
  validators: Validators;
  /** only the root account's own keys may call it (the operator API) */
  rootOnly: boolean;
  /** action → documented calls per second; without a table every action gets the default */
  rateLimits?: Readonly<Record<string, number>>;
  /** run an action on checked input */
  call(action: string, input: Record<string, unknown>, ctx: Context, state: OperatorState): Promise<object>;
}

function domainNamespace(ns: DomainNamespace, schema: SpecSchema): ServedNamespace {
  const actions = ACTIONS[ns];
  return {
    schema,
    validators: new Validators(schema),
    rootOnly: false,
    rateLimits: ACTION_RATE_LIMITS[ns],
    call: (action, input, ctx) => actions.get(action)!(input, ctx),
  };
}

/** The namespaces by service and version (`organization 2021-03-31`, `tag 2018-08-13`, `organization operator`). */
export function servedNamespaces(): Map<string, ServedNamespace> {
  const map = new Map<string, ServedNamespace>();
  for (const v of API_VERSIONS) map.set(`organization ${v}`, domainNamespace(v, schemaOf(v)));
  map.set(`tag ${TAG_API_VERSION}`, domainNamespace(TAG_API_VERSION, TAG_SCHEMA));
  // the operator API is TCO's own; its clients (the tco command) sign for service organization
  map.set(`organization ${OPERATOR_VERSION}`, {
    schema: OPERATOR_SCHEMA,
    validators: new Validators(OPERATOR_SCHEMA),
    rootOnly: true,
    call: (action, input, ctx, state) => OPERATOR_HANDLERS[action as keyof typeof OPERATOR_HANDLERS](input, { ...ctx, ...state }),
  });
  return map;
}
