import type { SpecSchema } from "../spec/schema-types.js";

/** The operator API's version name: `X-TC-Version: operator`, callable only with root keys. */
export const OPERATOR_VERSION = "operator";

const R = 1; // required
const O = 2; // always present in output

/** Operator actions in the same schema form as the generated spec, so one validator serves both. */
export const OPERATOR_SCHEMA: SpecSchema = {
  actions: {
    CreateAccount: ["CreateAccountRequest", "CreateAccountResponse"],
    ListAccounts: ["ListAccountsRequest", "ListAccountsResponse"],
    UpdateAccount: ["UpdateAccountRequest", "EmptyResponse"],
    CreateAccessKey: ["CreateAccessKeyRequest", "CreateAccessKeyResponse"],
    ResetState: ["EmptyRequest", "EmptyResponse"],
    InjectFault: ["InjectFaultRequest", "InjectFaultResponse"],
    ListFaults: ["EmptyRequest", "ListFaultsResponse"],
    ClearFaults: ["EmptyRequest", "EmptyResponse"],
    ConfirmMemberEmail: ["ConfirmMemberEmailRequest", "ConfirmMemberEmailResponse"],
    CreateSubAccount: ["CreateSubAccountRequest", "CreateSubAccountResponse"],
    ListSubAccounts: ["ListSubAccountsRequest", "ListSubAccountsResponse"],
  },
  objects: {
    EmptyRequest: [],
    EmptyResponse: [],
    CreateAccountRequest: [
      ["Name", "string", "string", R],
      ["Uin", "int", "int64", 0],
      ["Mail", "string", "string", 0],
      ["Verification", "string", "string", 0],
      ["EntityName", "string", "string", 0],
      ["Site", "string", "string", 0],
    ],
    CreateAccountResponse: [
      ["Account", "object", "OperatorAccount", O],
      ["SecretId", "string", "string", O],
      ["SecretKey", "string", "string", O],
    ],
    ListAccountsRequest: [
      ["Offset", "int", "uint64", 0],
      ["Limit", "int", "uint64", 0],
    ],
    ListAccountsResponse: [
      ["Accounts", "list", "OperatorAccount", O],
      ["Total", "int", "uint64", O],
    ],
    OperatorAccount: [
      ["Uin", "int", "int64", O],
      ["Name", "string", "string", O],
      ["Mail", "string", "string", O],
      ["Verification", "string", "string", O],
      ["EntityName", "string", "string", O],
      ["Site", "string", "string", O],
      ["Arrears", "bool", "bool", O],
      ["Agent", "bool", "bool", O],
      ["IsRoot", "bool", "bool", O],
      ["CreateTime", "string", "string", O],
    ],
    UpdateAccountRequest: [
      ["Uin", "int", "int64", R],
      ["Name", "string", "string", 0],
      ["Mail", "string", "string", 0],
      ["Verification", "string", "string", 0],
      ["EntityName", "string", "string", 0],
      ["Site", "string", "string", 0],
      ["Arrears", "bool", "bool", 0],
      ["Agent", "bool", "bool", 0],
    ],
    CreateAccessKeyRequest: [["Uin", "int", "int64", R]],
    CreateAccessKeyResponse: [
      ["Uin", "int", "int64", O],
      ["SecretId", "string", "string", O],
      ["SecretKey", "string", "string", O],
    ],
    InjectFaultRequest: [
      ["Action", "string", "string", R],
      ["Code", "string", "string", R],
      ["Count", "int", "uint64", 0],
      ["Uin", "int", "int64", 0],
      ["Version", "string", "string", 0],
      ["Message", "string", "string", 0],
    ],
    InjectFaultResponse: [["FaultId", "int", "uint64", O]],
    ListFaultsResponse: [["Faults", "list", "OperatorFault", O]],
    ConfirmMemberEmailRequest: [
      ["MemberUin", "int", "int64", R],
      ["Result", "string", "string", 0],
      ["Reason", "string", "string", 0],
    ],
    ConfirmMemberEmailResponse: [
      ["MemberUin", "int", "int64", O],
      ["BindId", "int", "uint64", O],
      ["BindStatus", "string", "string", O],
    ],
    CreateSubAccountRequest: [
      ["OwnerUin", "int", "int64", R],
      ["Name", "string", "string", R],
    ],
    CreateSubAccountResponse: [
      ["SubUin", "int", "int64", O],
      ["OwnerUin", "int", "int64", O],
      ["Name", "string", "string", O],
      ["SecretId", "string", "string", O],
      ["SecretKey", "string", "string", O],
    ],
    ListSubAccountsRequest: [
      ["OwnerUin", "int", "int64", R],
      ["Offset", "int", "uint64", 0],
      ["Limit", "int", "uint64", 0],
    ],
    ListSubAccountsResponse: [
      ["SubAccounts", "list", "OperatorSubAccount", O],
      ["Total", "int", "uint64", O],
    ],
    OperatorSubAccount: [
      ["SubUin", "int", "int64", O],
      ["OwnerUin", "int", "int64", O],
      ["Name", "string", "string", O],
      ["CreateTime", "string", "string", O],
    ],
    OperatorFault: [
      ["FaultId", "int", "uint64", O],
      ["Action", "string", "string", O],
      ["Code", "string", "string", O],
      ["Remaining", "int", "uint64", O],
      ["Uin", "int", "int64", 0],
      ["Version", "string", "string", 0],
      ["Message", "string", "string", 0],
    ],
  },
};
