/**
 * Việc của tôi: the groups of what waits for a person, and the next action each row asks for
 * (the web names both through its catalogue; the server's `GET /api/my-work` fills them).
 */
export const MY_WORK_GROUPS = [
  /** Drafts sent up to me for approval (review 'submitted', reviewer me). */
  "approve",
  /** My drafts sent back with comments. */
  "sentBack",
  /** Approved outgoing drafts waiting for their number (clerks issue them). */
  "issue",
  /** Received documents not yet registered (clerks). */
  "register",
  /** Registered received documents not yet presented to a leader (clerks). */
  "present",
  /** Documents presented to me (or to the leader I act for) for an instruction (bút phê). */
  "instruct",
  /** Documents my unit leads that no one in it has been given yet (unit heads). */
  "assign",
  /** Documents given to me to handle, not done. */
  "handle",
  /** Mine past their deadline; for follow-up people and leaders, everything late in the agency. */
  "overdue",
  /** Report periods the agency owes on received directives. */
  "reports",
] as const;
export type MyWorkGroup = (typeof MY_WORK_GROUPS)[number];

/** What a row of Việc của tôi asks of its reader next. */
export const WORK_ACTIONS = [
  "approve",
  "revise",
  "issue",
  "register",
  "present",
  "instruct",
  "assign",
  "handle",
  "follow-up",
  "report",
] as const;
export type WorkAction = (typeof WORK_ACTIONS)[number];
