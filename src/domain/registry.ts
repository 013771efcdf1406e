import { ApiError } from "../protocol/api-error.js";
import { ACTION_ERROR_CODES } from "../spec/generated/errors.js";
import type { ErrorCode } from "../spec/generated/errors.js";
import * as TagApi from "../spec/generated/tag-v20180813.js";
import * as V2018 from "../spec/generated/v20181225.js";
import * as V2021 from "../spec/generated/v20210331.js";
import { declareUntyped, type DeclaredAction, type Namespace } from "./base/contract.js";
import type { AreaHooks } from "./base/hooks.js";
import { Lifecycle } from "./base/hooks.js";
import { V2018_HANDLERS } from "./v20181225.js";
import { V2021_HANDLERS, V2021_PENDING } from "./v20210331.js";
import { TAG_HANDLERS } from "./tags/index.js";
import { LOGIN_HOOKS } from "./login/hooks.js";
import { ORGANIZATION } from "./organization/index.js";
import { POLICIES_HOOKS } from "./policies/hooks.js";
import { SERVICES_HOOKS } from "./services/hooks.js";

/** An area of the domain (one API category, both versions): its actions and its part in the others' changes. */
export interface Area {
  name: string;
  actions: readonly DeclaredAction[];
  hooks?: AreaHooks;
}

/** Every area, in the order their hooks run. */
export const AREAS: readonly Area[] = [
  ORGANIZATION,
  { name: "services", actions: [], hooks: SERVICES_HOOKS },
  { name: "policies", actions: [], hooks: POLICIES_HOOKS },
  { name: "login", actions: [], hooks: LOGIN_HOOKS },
];

/** Every action of each namespace, as the generated spec names them. */
const ACTION_NAMES: Record<Namespace, readonly string[]> = {
  "2021-03-31": V2021.ACTION_NAMES,
  "2018-12-25": V2018.ACTION_NAMES,
  "2018-08-13": TagApi.ACTION_NAMES,
};

/** The honest answer of an action whose behaviour is not built yet (after auth and validation). */
function pending(namespace: Namespace, action: string): DeclaredAction {
  return declareUntyped(namespace, action, { caller: "account", codes: ["UnsupportedOperation"] }, async () => {
    throw new ApiError("UnsupportedOperation", { en: `${action} is not implemented yet in TCO.`, zh: `TCO 尚未实现 ${action}。` });
  });
}

/** Handlers of the former style (they resolve their caller themselves), until their areas declare contracts. */
function undeclared(namespace: Namespace, handlers: Readonly<Record<string, ((input: any, ctx: any) => Promise<object>) | undefined>>): DeclaredAction[] {
  return Object.entries(handlers).flatMap(([action, handler]) =>
    handler ? [declareUntyped(namespace, action, { caller: "account", codes: (ACTION_ERROR_CODES[namespace]?.[action] ?? []) as ErrorCode[] }, handler)] : [],
  );
}

/**
 * Every action of every namespace by name. Each must be declared exactly once, by an area or as
 * pending: a missing or doubled action stops the server at start (and fails the registry's test).
 */
function buildActions(): Record<Namespace, ReadonlyMap<string, DeclaredAction>> {
  const all: DeclaredAction[] = [
    ...AREAS.flatMap((a) => a.actions),
    ...undeclared("2021-03-31", V2021_HANDLERS),
    ...undeclared("2018-12-25", V2018_HANDLERS),
    ...undeclared("2018-08-13", TAG_HANDLERS),
    ...V2021_PENDING.map((a) => pending("2021-03-31", a)),
  ];
  const out = {} as Record<Namespace, Map<string, DeclaredAction>>;
  for (const ns of Object.keys(ACTION_NAMES) as Namespace[]) out[ns] = new Map();
  for (const def of all) {
    const map = out[def.namespace];
    if (!ACTION_NAMES[def.namespace].includes(def.action)) throw new Error(`${def.namespace} has no action ${def.action}`);
    if (map.has(def.action)) throw new Error(`${def.namespace} ${def.action} is declared twice`);
    map.set(def.action, def);
  }
  for (const ns of Object.keys(ACTION_NAMES) as Namespace[]) {
    const missing = ACTION_NAMES[ns].filter((a) => !out[ns].has(a));
    if (missing.length > 0) throw new Error(`${ns}: no declaration of ${missing.join(", ")}`);
  }
  return out;
}

export const ACTIONS = buildActions();

/** Every area's hooks, composed (ctx.hooks). */
export const LIFECYCLE = new Lifecycle(AREAS.flatMap((a) => (a.hooks ? [a.hooks] : [])));
