import type { CommonErrorCode, ErrorCode } from "../../spec/generated/errors.js";
import type * as TagApi from "../../spec/generated/tag-v20180813.js";
import type * as V2018 from "../../spec/generated/v20181225.js";
import type * as V2021 from "../../spec/generated/v20210331.js";
import type { AdminContext, Context, DelegateContext, MemberContext } from "./context.js";
import type { Page, PagingSpec } from "./paging.js";

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

/** An action's contract and handler, as dispatch and the tests see them. */
export interface ActionDef<N extends Namespace = Namespace, A extends string = string> {
  namespace: N;
  action: A;
  spec: ActionSpec<string, CallerRule, PagingSpec | undefined>;
  handler: Handler<any, object, any>;
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
  ): ActionDef<N, A> => ({ namespace, action, spec: spec as ActionDef["spec"], handler: handler as ActionDef["handler"] });
}

export const v2021 = declare("2021-03-31");
export const v2018 = declare("2018-12-25");
export const tagApi = declare("2018-08-13");

/** A namespace's actions by name, as an area exports them: a key must name the action its definition declares. */
export type ActionTable<N extends Namespace> = { [A in ActionOf<N>]?: ActionDef<N, A> };
