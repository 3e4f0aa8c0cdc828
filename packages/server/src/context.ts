/**
 * What every use case receives: the database, the clock, the configuration, the file store, the
 * file reader.
 */
import type { Kysely } from "kysely";
import type { ReaderPool } from "@vanthu/extract";
import type { Database, DatabaseKind, Role } from "@vanthu/db";
import type { Config } from "./config.ts";
import type { FileStore } from "./files/file-store.ts";

export interface AppContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  files: FileStore;
  /** Reads uploaded files in worker threads, with memory and time limits; closed with the app. */
  reader: ReaderPool;
  /** "Now", injected so that tests control time. */
  now: () => Date;
  /** Pepper for session token hashes. */
  sessionSecret: string;
  /** Waiting (the login delay); tests inject one that moves their clock instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

/** The signed-in person, as use cases see them. */
export interface Actor {
  userId: string;
  agencyId: string;
  username: string;
  fullName: string;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant: "2026-11-22". */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
