/**
 * Signing throughput, single-threaded, with a PKCS#12 of the development PKI (RSA 2048):
 * - signatures/s: CMS signatures (PAdES B-B) made over a fixed digest, the signer's cost alone;
 * - signed PDFs/s: signPdf on a rendered one-page draft (incremental update, hashing, CMS);
 * - issue: the leader's signature, the number and date stamped, the agency's signature, per
 *   document (ms), and the render of the draft before it for comparison;
 * - issue/s through the server's use case (issueDocument on PGlite, the number, the register,
 *   deliveries and the PDF), without and with the agency's signature, measured in the same run.
 *
 *   npm run bench:sign [-- --seconds N]
 */
import { readFileSync } from "node:fs";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { renderPdfPlaced } from "@vanthu/render";
import { createDevelopmentPki, Pkcs12Signer, signPdf, stampText } from "@vanthu/signatures";
import { saveSigner } from "../packages/server/src/signing/signers.ts";
import { issueDocument } from "../packages/server/src/documents/issue-document.ts";
import { draftFields, startTestApp } from "../packages/server/test/helpers.ts";
import { numberOption } from "./options.ts";

const seconds = numberOption("--seconds", 3);

async function rate(
  work: () => Promise<unknown> | unknown,
): Promise<{ perSecond: number; ms: number }> {
  await work();
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || times.length < 5) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  return { perSecond: 1000 / ms, ms };
}

const doc = parseDocument(
  readFileSync(new URL("../examples/03-quyet-dinh-ubnd.txt", import.meta.url), "utf8"),
);
const draft = layoutDocument({
  ...doc,
  number: null,
  dateParts: { day: null, month: null, year: null },
} as unknown as LayoutSource);
const pki = await createDevelopmentPki();
const leader = Pkcs12Signer.open(
  (
    await pki.person({
      name: "Vương Đình Quý",
      unit: "Văn phòng",
      agency: "UBND tỉnh Cao Nguyên",
      password: "p",
    })
  ).p12,
  "p",
);
const agency = Pkcs12Signer.open(
  (await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "p" })).p12,
  "p",
);
const { pdf, placements: pl } = renderPdfPlaced(draft, { stampBlanks: true });

const raw = await rate(() => leader.sign(new Uint8Array(32), "SHA-256"));
const render = await rate(() => renderPdfPlaced(draft, { stampBlanks: true }));
const signOne = await rate(() => signPdf(pdf, agency));
const issue = await rate(async () => {
  const signed = await signPdf(pdf, leader);
  const stamped = stampText(signed, [
    { ...pl.number!, text: "1234", align: "right" },
    { ...pl.day!, text: "02" },
    { ...pl.month!, text: "12" },
    { ...pl.year!, text: "2026" },
  ]);
  return signPdf(stamped, agency);
});
const open = await rate(async () => {
  // Opening the PKCS#12 (key derivation, decryption) each time, as when a password is asked.
  Pkcs12Signer.open((await pki.agency({ name: "x", password: "p" })).p12, "p");
});

const f = (v: number) => v.toFixed(1);
console.log(`RSA-2048 signatures (PKCS#12):     ${f(raw.perSecond)}/s (${raw.ms.toFixed(2)} ms)`);
console.log(
  `signPdf, one-page draft:            ${f(signOne.perSecond)}/s (${signOne.ms.toFixed(2)} ms)`,
);
console.log(
  `sign + stamp + sign per document:   ${issue.ms.toFixed(2)} ms (${f(issue.perSecond)}/s)`,
);
console.log(`render of the draft, for comparison: ${render.ms.toFixed(2)} ms`);
console.log(`new key + PKCS#12 made and opened:  ${open.ms.toFixed(1)} ms`);
console.log(
  `file: ${pdf.length} bytes drafted, +${(await signPdf(pdf, agency)).length - pdf.length} a signature`,
);

// Issuing through the server's use case, on PGlite: one agency unsigned, another with its
// PKCS#12, issuing in turns so that both see the same machine (a shared one is noisy).
const ISSUES = numberOption("--issues", 30);
const app = await startTestApp("pglite", new Date().toISOString());
try {
  const side = async (code: string) => {
    const writer = await app.login(`${code}.chuyenvien`);
    const clerk = await app.ctx.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", `${code}.vanthu`)
      .executeTakeFirstOrThrow();
    const actor = {
      userId: clerk.id,
      agencyId: clerk.agency_id,
      username: clerk.username,
      fullName: clerk.full_name,
      roles: clerk.roles,
      unitId: clerk.unit_id,
      unitHead: clerk.unit_head,
    };
    const ids: string[] = [];
    for (let i = 0; i <= ISSUES; i++) {
      const d = await writer.post("/api/documents", draftFields({ subject: `thử ban hành ${i}` }));
      ids.push(d.body.id as string);
    }
    // Approved as a leader would (the review is not what is measured).
    await app.ctx.db
      .updateTable("documents")
      .set({ review: "approved", approved_at: app.clock.now })
      .where("id", "in", ids)
      .execute();
    return { actor, ids, ms: 0 };
  };
  const unsigned = await side("stttt-hd");
  const signed = await side("stttt-ls");
  await saveSigner(
    app.ctx,
    null,
    { agencyId: signed.actor.agencyId, userId: null },
    {
      kind: "pkcs12",
      p12: (await pki.agency({ name: "Sở Thông tin và Truyền thông", password: "p" })).p12,
      password: "p",
    },
  );
  for (const s of [unsigned, signed]) await issueDocument(app.ctx, s.actor, s.ids.shift()!); // warm-up
  for (let i = 0; i < ISSUES; i++)
    for (const s of [unsigned, signed]) {
      const t = performance.now();
      await issueDocument(app.ctx, s.actor, s.ids[i]!);
      s.ms += performance.now() - t;
    }
  const perSecond = (s: { ms: number }) => (ISSUES * 1000) / s.ms;
  console.log(
    `issueDocument on PGlite, ${ISSUES} each in turns: ${f(perSecond(unsigned))} issues/s unsigned (the PDF drawn after the commit), ` +
      `${f(perSecond(signed))} issues/s with the agency's signature (drawn, stamped and signed inside the transaction)`,
  );
} finally {
  await app.close();
}
