import { Kysely, Migrator, sql, type CompiledQuery, type MigrationProvider } from "kysely";
import { join } from "node:path";
import { AccountsRepo } from "./accounts-repo.js";
import { AuthRelationsRepo } from "./auth-relations-repo.js";
import { BillsRepo } from "./bills-repo.js";
import { CountersRepo } from "./counters-repo.js";
import { EmailBindsRepo } from "./email-binds-repo.js";
import { explainPlan, refreshStatistics } from "./dialects/explain.js";
import { openPostgres } from "./dialects/postgres.js";
import { openSqlite } from "./dialects/sqlite.js";
import { IdentitiesRepo } from "./identities-repo.js";
import { InvitationsRepo } from "./invitations-repo.js";
import { KeysRepo } from "./keys-repo.js";
import { MemberDeletionRepo } from "./member-deletion-repo.js";
import { checkMasterKey } from "./master-key-check.js";
import { MemberPoliciesRepo } from "./member-policies-repo.js";
import { MemberRecordsRepo } from "./member-records-repo.js";
import { MemberResourcesRepo, StandaloneTagPoliciesRepo } from "./member-resources-repo.js";
import { MembersRepo } from "./members-repo.js";
import { NodesRepo } from "./nodes-repo.js";
import { OrgPermissionsRepo } from "./org-permissions-repo.js";
import { OrganizationsRepo } from "./organizations-repo.js";
import { PoliciesRepo, PolicyTypesRepo } from "./policies-repo.js";
import { PolicyAttachmentsRepo } from "./policy-attachments-repo.js";
import { ServiceAssignsRepo } from "./service-assigns-repo.js";
import { SubAccountsRepo } from "./sub-accounts-repo.js";
import { TagsRepo } from "./tags-repo.js";
import { TasksRepo } from "./tasks-repo.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { DB } from "./schema.js";
import { SecretBox } from "./secret-box.js";

export type Dialect = "sqlite" | "postgres";

export interface StoreOptions {
  /** PostgreSQL connection URL; SQLite when absent */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing) */
  schema?: string;
  /** SQLite file; ":memory:" for a throwaway database */
  sqliteFile?: string;
  dataDir?: string;
  /**
   * The key that seals the access keys' secrets (32 bytes). Checked against the database when
   * given (MasterKeyMismatchError); without it the store neither writes nor reads access keys.
   */
  masterKey?: Buffer;
}

/**
 * The database behind TCO, one repository per area. A Store opened inside transaction() is bound
 * to that transaction: every repository call on it runs in it.
 */
export class Store {
  readonly accounts: AccountsRepo;
  readonly keys: KeysRepo;
  readonly counters: CountersRepo;
  readonly organizations: OrganizationsRepo;
  readonly nodes: NodesRepo;
  readonly members: MembersRepo;
  readonly invitations: InvitationsRepo;
  readonly tags: TagsRepo;
  readonly authRelations: AuthRelationsRepo;
  readonly emailBinds: EmailBindsRepo;
  readonly identities: IdentitiesRepo;
  readonly memberRecords: MemberRecordsRepo;
  readonly policies: PoliciesRepo;
  readonly policyTypes: PolicyTypesRepo;
  readonly policyAttachments: PolicyAttachmentsRepo;
  readonly memberResources: MemberResourcesRepo;
  readonly standaloneTagPolicies: StandaloneTagPoliciesRepo;
  readonly serviceAssigns: ServiceAssignsRepo;
  readonly bills: BillsRepo;
  readonly subAccounts: SubAccountsRepo;
  readonly memberPolicies: MemberPoliciesRepo;
  readonly orgPermissions: OrgPermissionsRepo;
  readonly tasks: TasksRepo;
  readonly memberDeletion: MemberDeletionRepo;

  constructor(
    private readonly db: Kysely<DB>,
    readonly dialect: Dialect,
    private readonly inTransaction = false,
    private readonly box?: SecretBox,
  ) {
    this.accounts = new AccountsRepo(db);
    this.keys = new KeysRepo(db, box);
    this.counters = new CountersRepo(db);
    this.organizations = new OrganizationsRepo(db, dialect);
    this.nodes = new NodesRepo(db);
    this.members = new MembersRepo(db);
    this.invitations = new InvitationsRepo(db);
    this.tags = new TagsRepo(db);
    this.authRelations = new AuthRelationsRepo(db);
    this.emailBinds = new EmailBindsRepo(db);
    this.identities = new IdentitiesRepo(db);
    this.memberRecords = new MemberRecordsRepo(db);
    this.policies = new PoliciesRepo(db);
    this.policyTypes = new PolicyTypesRepo(db);
    this.policyAttachments = new PolicyAttachmentsRepo(db);
    this.memberResources = new MemberResourcesRepo(db);
    this.standaloneTagPolicies = new StandaloneTagPoliciesRepo(db);
    this.serviceAssigns = new ServiceAssignsRepo(db);
    this.bills = new BillsRepo(db);
    this.subAccounts = new SubAccountsRepo(db);
    this.memberPolicies = new MemberPoliciesRepo(db);
    this.orgPermissions = new OrgPermissionsRepo(db);
    this.tasks = new TasksRepo(db, dialect);
    this.memberDeletion = new MemberDeletionRepo(db);
  }

  /** Run `fn` in one transaction; a nested call joins the outer transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect, true, this.box)));
  }

  /** Delete all state but the root accounts and their keys. */
  async reset(): Promise<void> {
    await this.transaction(async (tx) => {
      // children before parents; the root node reference is broken first
      for (const table of ["policy_attachments", "org_policy_types"] as const) await tx.db.deleteFrom(table).execute();
      await tx.policies.deleteAllCustom();
      await tx.memberResources.deleteAll();
      await tx.standaloneTagPolicies.deleteAll();
      for (const table of ["org_service_scope_members", "org_service_scope_nodes", "org_service_assigns", "org_bills", "member_email_bind_changes", "member_email_binds", "resource_tags", "org_auth_relations", "org_invitations", "org_members", "org_nodes", "org_enabled_permissions", "organizations", "counters", "tasks", "task_faults"] as const) {
        await tx.db.deleteFrom(table).execute();
      }
      // the root account's sub-accounts go too (their keys and bindings by cascade)
      await tx.subAccounts.deleteAll();
      await tx.accounts.deleteAllButRoot();
    });
  }

  /** The plan the database chooses for a compiled query (measurement scripts, not request paths). */
  explain(query: CompiledQuery): Promise<string[]> {
    return explainPlan(this.db, this.dialect, query);
  }

  /** Refresh the planner's statistics after a bulk load, as autovacuum or ANALYZE would. */
  analyze(): Promise<void> {
    return refreshStatistics(this.db, this.dialect);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Open the configured database and bring its schema to the latest migration. */
export async function openStore(o: StoreOptions): Promise<Store> {
  let db: Kysely<DB>;
  let dialect: Dialect;
  if (o.databaseUrl) {
    dialect = "postgres";
    if (o.schema) {
      const admin = openPostgres<DB>(o.databaseUrl, { max: 1 });
      await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(o.schema)}`.execute(admin);
      await admin.destroy();
    }
    db = openPostgres<DB>(o.databaseUrl, { schema: o.schema });
  } else {
    dialect = "sqlite";
    db = openSqlite<DB>(o.sqliteFile ?? join(o.dataDir ?? ".tco-data", "tco.sqlite"));
  }
  // The migration tables live in the store's own schema (the first of the search_path): Kysely
  // otherwise looks for them in every schema, may find another store's and skip creating its own.
  let migrationTableSchema: string | undefined;
  if (dialect === "postgres") {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
  }
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  let { error } = await migrator.migrateToLatest();
  // Races with other processes on one PostgreSQL database, each worth another try: Kysely's check
  // for its own tables reads the catalogue of every schema, which fails with "relation does not
  // exist" (42P01) or "schema does not exist" (3F000) when someone drops a schema meanwhile; two
  // processes starting on a fresh schema both create Kysely's lock table, and the loser gets a
  // unique violation (23505) from the catalogue.
  const retryable = (e: unknown) => ["42P01", "3F000", "23505"].includes((e as { code?: string } | undefined)?.code ?? "");
  for (let attempt = 1; attempt < 5 && retryable(error); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error } = await migrator.migrateToLatest());
  }
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  if (!o.masterKey) return new Store(db, dialect);
  const box = new SecretBox(o.masterKey);
  const store = new Store(db, dialect, false, box);
  try {
    await adoptMasterKey(store, db, box);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return store;
}

/**
 * Check the master key against the database (checkMasterKey), then seal the access keys still
 * kept in clear: those of a store written before keys were sealed, or inserted behind the
 * server's back. Several servers starting together seal each row once.
 */
async function adoptMasterKey(store: Store, db: Kysely<DB>, box: SecretBox): Promise<void> {
  await checkMasterKey(db, box);
  await store.transaction((tx) => tx.keys.sealPlain());
}
