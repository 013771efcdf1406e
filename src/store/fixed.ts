import { sql, type RawBuilder } from "kysely";

/**
 * A constant of the code written into a query's SQL text instead of being bound as a parameter.
 * Use it where a column is compared with the value in a partial index's WHERE clause
 * (org_invitations.status 'Pending', org_auth_relations.is_host 1, member_email_binds.status
 * 'Valid'/'Success'). Against a bound parameter, SQLite's planner looks at the bound value to decide
 * whether the partial index applies, and marks the statement to be prepared again whenever that
 * parameter is bound, which is on every run: a point read then costs a full prepare. Never for
 * values that come from a request.
 */
export const fixed = <T extends string | number>(value: T): RawBuilder<T> => sql.lit(value);
