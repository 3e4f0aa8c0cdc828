import { foldKey, toneKey } from "../../text/vietnamese.ts";
import type { Rule } from "../diagnostic.ts";

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

function hostOf(link: string): string {
  return link
    .replace(/^https?:\/\//i, "")
    .replace(/[/?#].*$/, "")
    .replace(/^www\./i, "")
    .toLowerCase();
}

/** A link to a host one or two letters away from the agency's registered portal: a typo. */
export const linkDomain: Rule = ({ doc, view, context, report }) => {
  const portals = (context.agency?.portalDomains ?? []).map((d) => hostOf(d));
  if (!portals.length) return;
  for (const link of doc.links) {
    const host = hostOf(link);
    if (portals.includes(host)) continue;
    const near = portals.find((p) => distance(p, host) <= 2);
    if (!near) continue;
    const at = view.text.indexOf(link);
    if (at === -1) continue;
    const hostAt = view.text.indexOf(host, at);
    report({
      code: "link-domain",
      severity: "error",
      start: at,
      end: at + link.length,
      params: { host, registered: near },
      ...(hostAt >= 0 && hostAt < at + link.length
        ? { fix: { start: hostAt, end: hostAt + host.length, text: near } }
        : {}),
    });
  }
};

/** The signer's name against the registered spelling: the same letters, other diacritics. */
export const signerName: Rule = ({ doc, context, report }) => {
  const name = doc.signature.signerName;
  const span = doc.spans?.signerName;
  if (!name || !span) return;
  for (const { name: registered } of context.agency?.signers ?? []) {
    if (foldKey(registered) === foldKey(name) && toneKey(registered) !== toneKey(name)) {
      report({
        code: "signer-name",
        severity: "error",
        start: span[0],
        end: span[1],
        params: { name, registered },
        fix: { start: span[0], end: span[1], text: registered },
      });
      return;
    }
  }
};
