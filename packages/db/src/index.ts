// Public surface of @vanthu/db: connections (PGlite or PostgreSQL), migrations, the schema's types.
export {
  openDatabase,
  CONNECT_TIMEOUT_MS,
  type DatabaseLogger,
  type DatabaseHandle,
  type DatabaseKind,
  type OpenOptions,
} from "./connect.ts";
export { migrate, listMigrations } from "./migrate.ts";
export {
  createEmptyPostgresDatabase,
  openTestDatabase,
  testDatabaseKinds,
  type EmptyPostgresDatabase,
  type TestDatabase,
} from "./test-database.ts";
export type * from "./schema.ts";
export {
  deferredWrites,
  withDeferredWrites,
  inlineParameters,
  isDeferrable,
  literalOf,
  type DeferredWrites,
} from "./deferred-writes.ts";
