#!/usr/bin/env node
import { Command, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT_CREDENTIALS_FILE } from "../bootstrap.js";
import { DEFAULT_PORT, loadConfig } from "../config.js";
import { isClusterWorker, runCluster } from "../http/cluster.js";
import { startServer } from "../http/server.js";
import { callOperator } from "./client.js";
import { billsFromCsv } from "./csv.js";

const program = new Command();
program.name("tco").description("TCO: a self-hosted Tencent Cloud Organization API").showHelpAfterError();

program
  .command("serve")
  .description("run the API server (SQLite in the data directory, or PostgreSQL with TCO_DATABASE_URL)")
  .option("--port <port>", `port to listen on (TCO_PORT, default ${DEFAULT_PORT})`)
  .option("--host <host>", "address to listen on (TCO_HOST, default 127.0.0.1)")
  .option("--data <dir>", "data directory (TCO_DATA_DIR, default ./.tco-data)")
  .option("--workers <n>", "server processes sharing the port, for reads on several cores (TCO_WORKERS, default 1)")
  .action(async (flags: { port?: string; host?: string; data?: string; workers?: string }) => {
    const config = loadConfig(flags);
    if (config.workers > 1 && !isClusterWorker()) {
      await runCluster(config, config.workers);
      return;
    }
    const running = await startServer(config);
    const stop = (signal: string) => {
      running.log.info({ signal }, "shutting down");
      running.close().then(
        () => process.exit(0),
        (err) => {
          running.log.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });

interface Global {
  endpoint: string;
  data?: string;
}

/** Root credentials for the operator API: the environment, else the key saved in the data directory. */
function operatorCredentials(g: Global) {
  const env = process.env;
  if (env.TCO_ROOT_SECRET_ID && env.TCO_ROOT_SECRET_KEY) return { secretId: env.TCO_ROOT_SECRET_ID, secretKey: env.TCO_ROOT_SECRET_KEY };
  const file = join(resolve(g.data ?? env.TCO_DATA_DIR ?? ".tco-data"), ROOT_CREDENTIALS_FILE);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { SecretId: string; SecretKey: string };
    return { secretId: saved.SecretId, secretKey: saved.SecretKey };
  }
  throw new Error(`no root credentials: set TCO_ROOT_SECRET_ID and TCO_ROOT_SECRET_KEY, or point --data at the server's data directory (${file} not found)`);
}

function operatorCommand(name: string, description: string) {
  return new Command(name)
    .description(description)
    .addOption(new Option("--endpoint <url>", "server URL").env("TCO_ENDPOINT").default(`http://127.0.0.1:${DEFAULT_PORT}`))
    .addOption(new Option("--data <dir>", "data directory holding generated root credentials").env("TCO_DATA_DIR"))
    .option("--json", "print the answer as one JSON object");
}

/**
 * Call an operator action and print its answer: `--json` prints one flat object, the answer's
 * fields at the top level (scripts read `.Uin`, `.SecretId`); a single record the action wraps
 * (`wrapped`, e.g. CreateAccount's Account) is opened into the object beside the other fields.
 * Lists stay lists under their names (`.Accounts[]`). Without `--json`, `human` formats the answer.
 */
async function run(
  opts: Global & { json?: boolean },
  action: string,
  params: Record<string, unknown>,
  human: (r: Record<string, any>) => string,
  wrapped?: string,
) {
  const { RequestId: _id, ...result } = await callOperator({ endpoint: opts.endpoint, ...operatorCredentials(opts) }, action, params);
  if (!opts.json) {
    process.stdout.write(human(result) + "\n");
    return;
  }
  const { [wrapped ?? ""]: record, ...rest } = result as Record<string, any>;
  process.stdout.write(JSON.stringify(wrapped ? { ...record, ...rest } : result) + "\n");
}

const uinOf = (v: string) => {
  if (!/^\d{12}$/.test(v)) throw new Error(`--uin must be a 12-digit account id, got "${v}"`);
  return Number(v);
};
const boolOf = (v: string) => {
  if (v !== "true" && v !== "false") throw new Error(`expected true or false, got "${v}"`);
  return v === "true";
};
const accountLine = (a: Record<string, any>) =>
  `${a.Uin}  ${a.Name}  ${a.Verification}${a.EntityName ? ` (${a.EntityName})` : ""}  ${a.Site}${a.Arrears ? "  arrears" : ""}${a.Agent ? "  agent" : ""}${a.IsRoot ? "  root" : ""}`;

const account = program.command("account").description("manage the account registry");
account.addCommand(
  operatorCommand("create", "register an account and issue its first access key")
    .requiredOption("--name <name>", "nickname")
    .addOption(new Option("--verification <kind>", "real-name verification").choices(["none", "personal", "enterprise"]).default("none"))
    .option("--entity <name>", "verified entity (company or person); required unless --verification none")
    .addOption(new Option("--site <site>", "site").choices(["china", "intl"]).default("china"))
    .option("--mail <mail>", "e-mail address")
    .option("--uin <uin>", "choose the UIN instead of the next free one", uinOf)
    .action((o) =>
      run(
        o,
        "CreateAccount",
        { Name: o.name, Verification: o.verification, EntityName: o.entity, Site: o.site, Mail: o.mail, Uin: o.uin },
        (r) => [`Uin:       ${r.Account.Uin}`, `SecretId:  ${r.SecretId}`, `SecretKey: ${r.SecretKey}`].join("\n"),
        "Account",
      ).then(() => undefined, fail),
    ),
);
account.addCommand(
  operatorCommand("list", "list accounts")
    .option("--offset <n>", "skip this many", Number)
    .option("--limit <n>", "at most this many", Number)
    .action((o) => run(o, "ListAccounts", { Offset: o.offset, Limit: o.limit }, (r) => r.Accounts.map(accountLine).join("\n") || "(none)").catch(fail)),
);
account.addCommand(
  operatorCommand("update", "change an account's registry attributes")
    .requiredOption("--uin <uin>", "account", uinOf)
    .option("--name <name>", "nickname")
    .addOption(new Option("--verification <kind>", "real-name verification").choices(["none", "personal", "enterprise"]))
    .option("--entity <name>", "verified entity")
    .addOption(new Option("--site <site>", "site").choices(["china", "intl"]))
    .option("--mail <mail>", "e-mail address")
    .option("--arrears <bool>", "the account owes money", boolOf)
    .option("--agent <bool>", "the account is a reseller or a reseller's client", boolOf)
    .action((o) =>
      run(
        o,
        "UpdateAccount",
        { Uin: o.uin, Name: o.name, Verification: o.verification, EntityName: o.entity, Site: o.site, Mail: o.mail, Arrears: o.arrears, Agent: o.agent },
        () => `updated ${o.uin}`,
      ).catch(fail),
    ),
);

const key = program.command("key").description("manage access keys");
key.addCommand(
  operatorCommand("create", "issue another access key for an account")
    .requiredOption("--uin <uin>", "account", uinOf)
    .action((o) => run(o, "CreateAccessKey", { Uin: o.uin }, (r) => [`SecretId:  ${r.SecretId}`, `SecretKey: ${r.SecretKey}`].join("\n")).catch(fail)),
);

const subaccount = program.command("subaccount").description("manage sub-accounts (CAM users) of an account");
subaccount.addCommand(
  operatorCommand("create", "register a sub-account of an account and issue its first access key")
    .requiredOption("--uin <uin>", "owner account", uinOf)
    .requiredOption("--name <name>", "sub-account name (1 to 64 letters, digits or _+=,.@-)")
    .action((o) =>
      run(o, "CreateSubAccount", { OwnerUin: o.uin, Name: o.name }, (r) =>
        [`SubUin:    ${r.SubUin}`, `SecretId:  ${r.SecretId}`, `SecretKey: ${r.SecretKey}`].join("\n"),
      ).catch(fail),
    ),
);
subaccount.addCommand(
  operatorCommand("list", "list an account's sub-accounts")
    .requiredOption("--uin <uin>", "owner account", uinOf)
    .option("--offset <n>", "skip this many", Number)
    .option("--limit <n>", "at most this many", Number)
    .action((o) =>
      run(o, "ListSubAccounts", { OwnerUin: o.uin, Offset: o.offset, Limit: o.limit }, (r) =>
        r.SubAccounts.map((a: Record<string, any>) => `${a.SubUin}  ${a.Name}  ${a.CreateTime}`).join("\n") || "(none)",
      ).catch(fail),
    ),
);

program.addCommand(
  operatorCommand("reset", "delete all organizations, accounts and keys except the root account's").action((o) =>
    run(o, "ResetState", {}, () => "state reset").catch(fail),
  ),
);

const fault = program.command("fault").description("inject failures into API actions");
fault.addCommand(
  operatorCommand("inject", "make the next calls of an action fail with an error code")
    .requiredOption("--action <name>", "API action, e.g. CreateOrganizationMember")
    .requiredOption("--code <code>", "error code to answer, e.g. FailedOperation.OrganizationMemberNameUsed")
    .option("--count <n>", "how many calls fail", Number, 1)
    .option("--uin <uin>", "only calls by this account", uinOf)
    .option("--api-version <v>", "only calls of this API version")
    .option("--message <text>", "error message")
    .action((o) =>
      run(o, "InjectFault", { Action: o.action, Code: o.code, Count: o.count, Uin: o.uin, Version: o.apiVersion, Message: o.message }, (r) => `fault ${r.FaultId} armed`).catch(
        fail,
      ),
    ),
);
fault.addCommand(
  operatorCommand("list", "list pending faults").action((o) =>
    run(o, "ListFaults", {}, (r) => r.Faults.map((f: any) => `${f.FaultId}  ${f.Action}  ${f.Code}  ${f.Remaining} left${f.Uin ? `  uin ${f.Uin}` : ""}`).join("\n") || "(none)").catch(fail),
  ),
);
fault.addCommand(operatorCommand("clear", "drop all pending faults").action((o) => run(o, "ClearFaults", {}, () => "faults cleared").catch(fail)));

const task = program.command("task").description("asynchronous tasks");
task.addCommand(
  operatorCommand("fail-next", "make the next tasks created of a type fail with a reason, in every server process on the database")
    .requiredOption("--type <type>", "task type, e.g. CreateRoleAssignment")
    .option("--count <n>", "how many tasks fail; 0 disarms", Number, 1)
    .option("--reason <text>", "failure reason the tasks report (required unless --count 0)")
    .action((o) =>
      run(o, "FailNextTasks", { TaskType: o.type, Count: o.count, Reason: o.reason }, (r) => `next ${r.Remaining} task(s) of type ${r.TaskType} will fail`).catch(fail),
    ),
);

const member = program.command("member").description("act for organization members");
member.addCommand(
  operatorCommand("confirm-email", "activate a member's pending login e-mail (what clicking the activation link does)")
    .requiredOption("--uin <uin>", "member account", uinOf)
    .option("--fail", "make the activation fail instead")
    .option("--reason <text>", "failure description shown by DescribeOrganizationMemberEmailBind")
    .action((o) =>
      run(o, "ConfirmMemberEmail", { MemberUin: o.uin, Result: o.fail ? "Failed" : "Success", Reason: o.reason }, (r) => `binding ${r.BindId} of ${r.MemberUin}: ${r.BindStatus}`).catch(
        fail,
      ),
    ),
);

account.addCommand(
  operatorCommand("tag-policy", "turn an account's own (single-account) tag policies on or off, as the Tag console would")
    .requiredOption("--uin <uin>", "account", uinOf)
    .requiredOption("--enabled <bool>", "true: the account runs tag policies of its own", boolOf)
    .action((o) => run(o, "SetStandaloneTagPolicy", { Uin: o.uin, Enabled: o.enabled }, () => `tag policies of ${o.uin}: ${o.enabled ? "on" : "off"}`).catch(fail)),
);

/** "cvm:instance" → service type and resource type. */
const resourceTypeOf = (v: string) => {
  const m = /^([a-z][a-z0-9_-]*):([A-Za-z][A-Za-z0-9_-]*)$/.exec(v);
  if (!m) throw new Error(`--type must be service:resourceType, e.g. cvm:instance, got "${v}"`);
  return { service: m[1], type: m[2] };
};
/** Repeatable --tag key=value. */
const tagOf = (v: string, acc: { TagKey: string; TagValue: string }[] = []) => {
  const eq = v.indexOf("=");
  if (eq <= 0) throw new Error(`--tag must be key=value, got "${v}"`);
  return [...acc, { TagKey: v.slice(0, eq), TagValue: v.slice(eq + 1) }];
};
const resourceLine = (r: Record<string, any>) => `${r.Resource}  ${r.Tags.map((t: { TagKey: string; TagValue: string }) => `${t.TagKey}=${t.TagValue}`).join(",") || "(no tags)"}`;

const resource = program.command("resource").description("register member accounts' tagged cloud resources (what tag policies are checked against)");
resource.addCommand(
  operatorCommand("register", "record a resource of an account and its tags (replaces the tags of one registered before)")
    .requiredOption("--uin <uin>", "owning account", uinOf)
    .requiredOption("--type <service:type>", "resource type, e.g. cvm:instance", resourceTypeOf)
    .requiredOption("--id <id>", "resource id, e.g. ins-1a2b3c4d")
    .option("--region <region>", "region, e.g. ap-guangzhou")
    .option("--tag <key=value>", "a tag (repeatable)", tagOf)
    .action((o) =>
      run(
        o,
        "RegisterMemberResource",
        { Uin: o.uin, ServiceType: o.type.service, ResourceType: o.type.type, ResourceId: o.id, Region: o.region, Tags: o.tag ?? [] },
        (r) => resourceLine(r.Resource),
        "Resource",
      ).catch(fail),
    ),
);
resource.addCommand(
  operatorCommand("list", "list the resources registered for an account")
    .requiredOption("--uin <uin>", "owning account", uinOf)
    .option("--offset <n>", "skip this many", Number)
    .option("--limit <n>", "at most this many", Number)
    .action((o) => run(o, "ListMemberResources", { Uin: o.uin, Offset: o.offset, Limit: o.limit }, (r) => r.Resources.map(resourceLine).join("\n") || "(none)").catch(fail)),
);
resource.addCommand(
  operatorCommand("deregister", "forget a registered resource")
    .requiredOption("--uin <uin>", "owning account", uinOf)
    .requiredOption("--type <service:type>", "resource type, e.g. cvm:instance", resourceTypeOf)
    .requiredOption("--id <id>", "resource id")
    .option("--region <region>", "region")
    .action((o) =>
      run(o, "DeregisterMemberResource", { Uin: o.uin, ServiceType: o.type.service, ResourceType: o.type.type, ResourceId: o.id, Region: o.region }, () => `deregistered ${o.id}`).catch(fail),
    ),
);

const bills = program.command("bills").description("members' bills behind the financial overview");
bills.addCommand(
  operatorCommand("load", "load bill lines from a CSV file (header: member_uin,month,product_code,product_name,amount; amounts in yuan)")
    .requiredOption("--file <path>", "CSV file")
    .option("--batch <n>", "lines per LoadBills call", Number, 1000)
    .action(async (o) => {
      try {
        const lines = billsFromCsv(readFileSync(o.file, "utf8"));
        let loaded = 0;
        for (let i = 0; i < lines.length; i += o.batch) {
          const { RequestId: _id, ...r } = await callOperator({ endpoint: o.endpoint, ...operatorCredentials(o) }, "LoadBills", { Bills: lines.slice(i, i + o.batch) });
          loaded += r.Loaded as number;
        }
        process.stdout.write(o.json ? JSON.stringify({ Loaded: loaded }) + "\n" : `loaded ${loaded} bill line(s)\n`);
      } catch (err) {
        fail(err);
      }
    }),
);
bills.addCommand(
  operatorCommand("clear", "delete the bill lines of some accounts, or all of them")
    .option("--uin <uin...>", "only these accounts")
    .action((o) => run(o, "ClearBills", { MemberUins: o.uin?.map(uinOf) }, (r) => `deleted ${r.Deleted} bill line(s)`).catch(fail)),
);

const service = program.command("service").description("act for organization services");
service.addCommand(
  operatorCommand("usage", "switch a delegated admin's organization feature on or off in a service's console")
    .requiredOption("--uin <uin>", "delegated admin", uinOf)
    .option("--product <name>", "service product identifier, e.g. config")
    .option("--service-id <id>", "service id", Number)
    .requiredOption("--enabled <bool>", "on (true) or off (false)", boolOf)
    .action((o) =>
      run(o, "SetServiceUsage", { MemberUin: o.uin, Product: o.product, ServiceId: o.serviceId, Enabled: o.enabled }, (r) => `${r.MemberUin} on service ${r.ServiceId}: usage status ${r.UsageStatus}`).catch(fail),
    ),
);

const idOf = (name: string) => (v: string) => {
  if (!/^\d{1,15}$/.test(v)) throw new Error(`${name} must be a positive integer, got "${v}"`);
  return Number(v);
};
const entityLine = (r: Record<string, any>) => `${r.RelationId}  ${r.AuthName}${r.IsHost ? "  (the admin's own entity)" : ""}  admin: ${r.AdminUin ?? "(none)"}`;

const orgCommand = program.command("org").description("organization switches of the console and of Tencent Cloud's business managers");
orgCommand.addCommand(
  operatorCommand("permission", "enable financial permission 3 (fund transfer) or 10 (credit limit) for an organization, as a business manager would")
    .requiredOption("--org-id <id>", "organization", idOf("--org-id"))
    .addOption(new Option("--id <id>", "permission id").choices(["3", "10"]).makeOptionMandatory())
    .requiredOption("--enabled <bool>", "enable (true) or disable (false)", boolOf)
    .action((o) =>
      run(o, "SetOrganizationPermission", { OrgId: o.orgId, PermissionId: Number(o.id), Enabled: o.enabled }, (r) => `permission ${r.PermissionId} of organization ${r.OrgId}: ${r.Enabled ? "enabled" : "disabled"}`).catch(fail),
    ),
);
orgCommand.addCommand(
  operatorCommand("deletion-permission", "turn member deletion on or off for an organization (DeleteAccount needs it on)")
    .requiredOption("--org-id <id>", "organization", idOf("--org-id"))
    .requiredOption("--enabled <bool>", "on (true) or off (false)", boolOf)
    .action((o) =>
      run(o, "SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: o.enabled }, (r) => `member deletion in ${r.OrgId}: ${r.DeletionPermission ? "on" : "off"}`).catch(fail),
    ),
);

const entity = program.command("entity").description("an organization's verified entities and their admins (the console's entity management page)");
entity.addCommand(
  operatorCommand("list", "list an organization's verified entities with their admins")
    .requiredOption("--org-id <id>", "organization", idOf("--org-id"))
    .action((o) => run(o, "ListEntityRelations", { OrgId: o.orgId }, (r) => r.Relations.map(entityLine).join("\n") || "(none)").catch(fail)),
);
entity.addCommand(
  operatorCommand("set-admin", "set or change the admin of an entity: a member verified as that entity")
    .requiredOption("--org-id <id>", "organization", idOf("--org-id"))
    .requiredOption("--relation <id>", "the entity's relation id (entity list)", idOf("--relation"))
    .requiredOption("--uin <uin>", "member account", uinOf)
    .action((o) => run(o, "SetEntityAdmin", { OrgId: o.orgId, RelationId: o.relation, MemberUin: o.uin }, (r) => entityLine(r.Relation)).catch(fail)),
);
entity.addCommand(
  operatorCommand("remove-admin", "remove the admin of an entity")
    .requiredOption("--org-id <id>", "organization", idOf("--org-id"))
    .requiredOption("--relation <id>", "the entity's relation id (entity list)", idOf("--relation"))
    .action((o) => run(o, "RemoveEntityAdmin", { OrgId: o.orgId, RelationId: o.relation }, (r) => entityLine(r.Relation)).catch(fail)),
);

function fail(err: unknown): never {
  process.stderr.write(`tco: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

program.parseAsync(process.argv).catch(fail);
