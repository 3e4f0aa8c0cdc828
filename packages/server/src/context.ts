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
  /** The unit the person is placed in, and whether they head it. */
  unitId: string | null;
  unitHead: boolean;
  /**
   * Holds a leader's approvals and instructions today (a delegation, workflow/delegation.ts):
   * sees the agency's records as a leader does. Set when the session is read; absent: no.
   */
  actsForLeader?: boolean;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of an instant in the agency's time zone (TIME_ZONE, Asia/Ho_Chi_Minh unless
 * configured), "2026-11-22": a report sent at 01:10 on 02/12 in Vietnam is of 02/12, though its UTC
 * date is 01/12.
 */
export function localDate(ctx: Pick<AppContext, "config">, at: Date): string {
  const zone = ctx.config.timeZone;
  let format = dayFormats.get(zone);
  if (!format) {
    // en-CA writes a day as yyyy-mm-dd.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(zone, format);
  }
  return format.format(at);
}
