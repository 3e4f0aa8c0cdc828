/**
 * Trust anchors read from files and directories, as an admin configures them (the roots of the
 * Vietnamese government and public CAs). Reading certificates out of bytes is extract's
 * (verify/certificates.ts); this is the part that touches the file system.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { trustAnchorsFrom, type TrustAnchor } from "@vanthu/extract";

/** Most trust anchor files read from a directory. */
const MAX_ANCHOR_FILES = 1000;
/** Largest trust anchor file (a bundle of a few hundred roots is well under this). */
const MAX_ANCHOR_BYTES = 4 * 1024 * 1024;

/**
 * The trust anchors of files and directories (each file PEM, possibly several certificates, or
 * DER). A file that holds no certificate is reported by its path in `problems`, not thrown.
 */
export function loadTrustAnchors(paths: string[]): { anchors: TrustAnchor[]; problems: string[] } {
  const anchors: TrustAnchor[] = [];
  const problems: string[] = [];
  const files: string[] = [];
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory())
        for (const f of readdirSync(p).sort().slice(0, MAX_ANCHOR_FILES)) {
          const full = join(p, f);
          if (statSync(full).isFile()) files.push(full);
        }
      else files.push(p);
    } catch {
      problems.push(p);
    }
  }
  for (const f of files) {
    try {
      if (statSync(f).size > MAX_ANCHOR_BYTES) throw new Error("too large");
      const found = trustAnchorsFrom(readFileSync(f));
      if (!found.length) problems.push(f);
      anchors.push(...found);
    } catch {
      problems.push(f);
    }
  }
  return { anchors, problems };
}
