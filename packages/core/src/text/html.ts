/** Text placed in HTML: the five characters that could open markup or end an attribute. */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (s: string | null | undefined): string =>
  (s ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);
