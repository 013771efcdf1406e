import { ApiError } from "../../protocol/api-error.js";
import type { CommonErrorCode, ErrorCode } from "../../spec/generated/errors.js";
import type * as TagApi from "../../spec/generated/tag-v20180813.js";
import type * as V2018 from "../../spec/generated/v20181225.js";
import type * as V2021 from "../../spec/generated/v20210331.js";
import type { AdminContext, Context, DelegateContext, MemberContext } from "./context.js";
import { resolveCaller } from "./caller.js";
import { pageOf, type Page, type PagingSpec } from "./paging.js";

/** The API namespaces whose actions are declared with contracts: their generated action and code types. */
export interface Apis {
  "2021-03-31": { actions: V2021.Actions; codes: V2021.ActionCodes };
  "2018-12-25": { actions: V2018.Actions; codes: V2018.ActionCodes };
  /** the Tag API's served actions (service tag) */
  "2018-08-13": { actions: TagApi.Actions; codes: TagApi.ActionCodes };
}

export type Namespace = keyof Apis;
export type ActionOf<N extends Namespace> = keyof Apis[N]["actions"] & string;
export type InputOf<N extends Namespace, A extends ActionOf<N>> = Apis[N]["actions"][A] extends { input: infer I } ? I : never;
export type OutputOf<N extends Namespace, A extends ActionOf<N>> = Apis[N]["actions"][A] extends { output: infer O } ? O : never;

/** A code action A may answer: one its page documents, or an API 3.0 common code. */
export type CodeOf<N extends Namespace, A extends ActionOf<N>> = (A extends keyof Apis[N]["codes"] ? Apis[N]["codes"][A] & ErrorCode : never) | CommonErrorCode;

/**
 * Who may call an action; dispatch resolves what the rule needs before the handler runs:
 * - `account`: any account (CreateOrganization, answering an invitation);
 * - `member`: an account of an organization, its admin included → ctx.org, ctx.membership;
 * - `admin`: the organization's admin → ctx.org;
 * - `delegate`: the admin, or a member that is a delegated admin of the organization service the
 *   input names by its product → ctx.org, ctx.membership, ctx.delegation (undefined for the admin).
 */
export type CallerRule = "account" | "member" | "admin" | "delegate";

/** The context a handler of each caller rule gets. */
export type ContextOf<R extends CallerRule> = R extends "admin" ? AdminContext : R extends "member" ? MemberContext : R extends "delegate" ? DelegateContext : Context;

/** The context with the page dispatch checked, for actions that page. */
export type PagedContextOf<R extends CallerRule, P extends PagingSpec | undefined> = P extends PagingSpec ? ContextOf<R> & { page: Page } : ContextOf<R>;

/**
 * What an action may do, declared once beside its handler and read by dispatch and by the tests:
 * its caller rule (with the codes its page gives for a caller outside an organization and for a
 * member that is not its admin), its paging, the codes it answers, and how codes of the rules it
 * shares with another version read in its own.
 */
export interface ActionSpec<C extends string, R extends CallerRule, P extends PagingSpec | undefined> {
  caller: R;
  /** the answer to a caller in no organization (member, admin, delegate); ResourceNotFound.OrganizationNotExist when absent */
  outsider?: C;
  /** the answer to a member that is not the admin (admin), or not a delegated admin of the named service (delegate) */
  notAdmin?: C;
  /** for `delegate`: the product abbreviation of the service the input names (its Product), if any */
  product?: (input: any) => string | undefined;
  paging?: P;
  /**
   * Every code the action answers on purpose: a subset of its documented codes and the common ones.
   * Tests check each code a call receives against it, and that each one is received by some test.
   */
  codes: readonly C[];
  /**
   * Codes of shared rules that the action's version spells otherwise (2018-12-25's
   * ResourceNotFound.NodeNotExist for the shared ResourceNotFound.OrganizationNodeNotExist):
   * dispatch answers the value for the key, with the same message.
   */
  translate?: Partial<Record<ErrorCode, C>>;
}

/** A typed action implementation: never sees HTTP. */
export type Handler<I, O, X> = (input: I, ctx: X) => Promise<O>;

/**
 * A declared action, as dispatch and the tests see it: a function that applies the contract (the
 * page, the caller's organization) and runs the handler, answering a translated code where the
 * contract says so; with its contract and handler beside it.
 */
export interface DeclaredAction {
  (input: any, ctx: Context): Promise<object>;
  readonly namespace: Namespace;
  readonly action: string;
  readonly spec: ActionSpec<string, CallerRule, PagingSpec | undefined>;
  readonly handler: Handler<any, object, any>;
}

/** A declared action typed by its namespace and name. */
export interface ActionDef<N extends Namespace, A extends ActionOf<N>> extends DeclaredAction {
  (input: InputOf<N, A>, ctx: Context): Promise<OutputOf<N, A>>;
  readonly namespace: N;
  readonly action: A;
}

type AnySpec = DeclaredAction["spec"];

/** Apply a contract to a call and run its handler (see ActionDef). */
async function invoke(action: string, namespace: string, spec: AnySpec, handler: DeclaredAction["handler"], input: Record<string, unknown>, ctx: Context): Promise<object> {
  const c = ctx.action === action ? ctx : { ...ctx, action, version: namespace };
  try {
    if (spec.paging) (c as Context & { page: Page }).page = pageOf(spec.paging, input);
    await resolveCaller(spec, input, c);
    return await handler(input, c);
  } catch (e) {
    const translated = e instanceof ApiError ? spec.translate?.[e.code] : undefined;
    throw translated ? (e as ApiError).withCode(translated as ErrorCode) : e;
  }
}

/**
 * Declare an action of a namespace: `v2021("DescribeOrganization", { caller: "member", codes: [...] },
 * async (input, ctx) => ...)`. The action's name types its input, output and code list; the caller
 * rule and the paging type its context.
 */
function declare<N extends Namespace>(namespace: N) {
  return <A extends ActionOf<N>, R extends CallerRule, P extends PagingSpec | undefined = undefined>(
    action: A,
    spec: ActionSpec<CodeOf<N, A>, R, P>,
    handler: Handler<InputOf<N, A>, OutputOf<N, A>, PagedContextOf<R, P>>,
  ): ActionDef<N, A> => declareUntyped(namespace, action, spec as AnySpec, handler as DeclaredAction["handler"]) as ActionDef<N, A>;
}

/** A declared action from an untyped contract and handler (the registry's pending actions). */
export function declareUntyped(namespace: Namespace, action: string, spec: AnySpec, handler: DeclaredAction["handler"]): DeclaredAction {
  const def = (input: Record<string, unknown>, ctx: Context) => invoke(action, namespace, spec, handler, input, ctx);
  return Object.assign(def, { namespace, action, spec, handler });
}

export const v2021 = declare("2021-03-31");
export const v2018 = declare("2018-12-25");
export const tagApi = declare("2018-08-13");

