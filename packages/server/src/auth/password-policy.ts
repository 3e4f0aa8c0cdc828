/**
 * The password policy, in one place, applied wherever a password is set (an admin or the CLI
 * creating a user, a user changing theirs, an admin or the CLI resetting one). The demo world's
 * shared password ("demo") is written by `seedDemoWorld` straight into the table, in demo mode
 * only, and so never passes through here.
 */
import { PASSWORD_MAX_LENGTH } from "@vanthu/contract";
import { fail, type Issue } from "../errors.ts";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

export const PASSWORD_MIN_LENGTH = 10;
// The longest password is the contract's, so that the request schemas refuse it too.
export { PASSWORD_MAX_LENGTH };

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "COMMON" | "TOO_SIMPLE" | "HAS_USERNAME";

export const PASSWORD_PROBLEMS_VI: Record<PasswordProblem, string> = {
  TOO_SHORT: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  TOO_LONG: `Mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
  COMMON: "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.",
  TOO_SIMPLE: "Mật khẩu lặp lại quá ít ký tự khác nhau.",
  HAS_USERNAME: "Mật khẩu không được chứa tên đăng nhập.",
};

/** Lower case, no diacritics, đ -> d: "MậtKhẩu" and "matkhau" are the same password here. */
export function foldPassword(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** Every problem of a password for a user name (empty: acceptable). */
export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push("TOO_SHORT");
  if (length > PASSWORD_MAX_LENGTH) problems.push("TOO_LONG");
  const folded = foldPassword(password);
  // The listed word with digits and signs around it ("Matkhau@2026", "123admin!") is as weak.
  const core = folded.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (
    COMMON_PASSWORDS.has(folded) ||
    COMMON_PASSWORDS.has(core) ||
    COMMON_PASSWORDS.has(folded.replace(/[\W_]+/gu, ""))
  )
    problems.push("COMMON");
  else if (new Set(folded).size < 4) problems.push("TOO_SIMPLE");
  if (username) {
    const name = foldPassword(username);
    // The whole name, or a part of it long enough to mean something (stttt-ls.vanthu: "stttt",
    // "vanthu"), inside the password.
    const parts = [name, ...name.split(/[._-]+/).filter((p) => p.length >= 4)];
    if (parts.some((p) => folded.includes(p))) problems.push("HAS_USERNAME");
  }
  return problems;
}

/** Throws WEAK_PASSWORD with every problem at `path` when the password breaks the policy. */
export function assertPasswordAllowed(password: string, username?: string, path = "password") {
  const problems = passwordProblems(password, username);
  if (!problems.length) return;
  const issues: Issue[] = problems.map((p) => ({ path, message: PASSWORD_PROBLEMS_VI[p] }));
  throw fail("WEAK_PASSWORD", `password refused: ${problems.join(", ")}`, issues);
}
