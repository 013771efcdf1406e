import type { Context, DomainSettings } from "../../src/domain/base/context.js";
import { DEFAULT_DOMAIN_SETTINGS } from "../../src/domain/base/context.js";
import type { Language } from "../../src/protocol/api-error.js";
import { ApiError } from "../../src/protocol/api-error.js";
import type { Organization } from "../../src/store/organizations-repo.js";
import type { Store } from "../../src/store/store.js";
import { createOrganization } from "../../src/domain/organization/create-organization.js";
import pino from "pino";
import type { DeclaredAction, Namespace } from "../../src/domain/base/contract.js";
import { RANDOM_IDS, type Ids } from "../../src/domain/base/ids.js";
import { ACTIONS, LIFECYCLE } from "../../src/domain/registry.js";
import { TaskService } from "../../src/tasks/service.js";
import { TaskTypes } from "../../src/tasks/task-types.js";

export interface ContextOptions {
  /** new ids; random ones unless given */
  ids?: Ids;
  /** the handlers' clock; Date.now unless given */
  clock?: () => number;
  /** settings that differ from the defaults */
  settings?: Partial<DomainSettings>;
  lang?: Language;
  /** the task service; one without task types, due at once, on the handlers' clock, unless given */
  tasks?: TaskService;
}

/** A domain context for calling handlers directly as account `uin` (domain tests). */
export function domainContext(store: Store, uin: number, o: ContextOptions = {}): Context {
  return {
    caller: { uin, isRoot: false },
    store,
    now: o.clock ?? Date.now,
    ids: o.ids ?? RANDOM_IDS,
    requestId: "test",
    action: "",
    version: "",
    hooks: LIFECYCLE,
    lang: o.lang ?? "en",
    settings: { ...DEFAULT_DOMAIN_SETTINGS, ...o.settings },
    tasks: o.tasks ?? new TaskService({ store, types: new TaskTypes(), delayMs: 0, log: pino({ level: "silent" }), now: o.clock }),
  };
}

/** The error code a handler call fails with; throws when it succeeds or fails otherwise. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/**
 * Call an action as dispatch does after validation: its contract (paging, caller) and then its
 * handler, with `ctx` naming the action. `action` is a declared action or a namespace's action name.
 */
export function callAction(ctx: Context, action: DeclaredAction | [Namespace, string], input: object): Promise<any> {
  const def = Array.isArray(action) ? ACTIONS[action[0]].get(action[1]) : action;
  if (!def) throw new Error(`no action ${String(action)}`);
  return def(input, ctx);
}

/** Create an organization administered by the context's caller (CreateOrganization); answers its row. */
export async function organizationOf(ctx: Context): Promise<{ org: Organization }> {
  const { OrgId } = await createOrganization({}, ctx);
  return { org: (await ctx.store.organizations.find(OrgId!))! };
}
