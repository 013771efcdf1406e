import { createAccessKeyAction, createAccountAction, listAccountsAction, updateAccountAction } from "./accounts.js";
import type { OperatorHandler } from "./context.js";
import { clearBillsAction, loadBillsAction } from "./bills.js";
import { confirmMemberEmailAction } from "./email.js";
import { listEntityRelationsAction, removeEntityAdminAction, setEntityAdminAction } from "./entity-admins.js";
import { setMemberDeletionPermissionAction } from "./member-deletion.js";
import { deregisterMemberResourceAction, listMemberResourcesAction, registerMemberResourceAction, setStandaloneTagPolicyAction } from "./resources.js";
import { setOrganizationPermissionAction } from "./org-permissions.js";
import { OPERATOR_SCHEMA } from "./schema.js";
import { setServiceUsageAction } from "./services.js";
import { createSubAccountAction, listSubAccountsAction } from "./sub-accounts.js";
import { clearFaultsAction, injectFaultAction, listFaultsAction, resetStateAction } from "./state.js";
import { failNextTasksAction } from "./tasks.js";

export { OPERATOR_SCHEMA, OPERATOR_VERSION } from "./schema.js";

/** Operator actions by name; must cover OPERATOR_SCHEMA.actions exactly. */
export const OPERATOR_HANDLERS: Record<keyof typeof OPERATOR_SCHEMA.actions, OperatorHandler> = {
  CreateAccount: createAccountAction,
  ListAccounts: listAccountsAction,
  UpdateAccount: updateAccountAction,
  CreateAccessKey: createAccessKeyAction,
  ResetState: resetStateAction,
  InjectFault: injectFaultAction,
  ListFaults: listFaultsAction,
  ClearFaults: clearFaultsAction,
  ConfirmMemberEmail: confirmMemberEmailAction,
  RegisterMemberResource: registerMemberResourceAction,
  ListMemberResources: listMemberResourcesAction,
  DeregisterMemberResource: deregisterMemberResourceAction,
  SetStandaloneTagPolicy: setStandaloneTagPolicyAction,
  LoadBills: loadBillsAction,
  ClearBills: clearBillsAction,
  SetServiceUsage: setServiceUsageAction,
  CreateSubAccount: createSubAccountAction,
  ListSubAccounts: listSubAccountsAction,
  SetOrganizationPermission: setOrganizationPermissionAction,
  FailNextTasks: failNextTasksAction,
  SetMemberDeletionPermission: setMemberDeletionPermissionAction,
  ListEntityRelations: listEntityRelationsAction,
  SetEntityAdmin: setEntityAdminAction,
  RemoveEntityAdmin: removeEntityAdminAction,
};
