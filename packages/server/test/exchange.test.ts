/**
 * Two vanthu installations exchange documents over HTTP (issue 17): installation A (PostgreSQL
 * when TEST_DATABASE_URL is set, else PGlite) hosts Sở TT&TT Lạng Sơn; installation B (PGlite)
 * hosts an agency A knows only from its directory. Each listens on a real port and sends through
 * its outbox. A directive goes out and comes back as 01, 03, 04, 05, 06; another is returned (02);
 * recalls are answered 15 and 16; a replacement links to what it replaces. Then the faults: the
 * receiver down while a package waits, the same package twice, and packages that are malformed,
 * too large, of another namespace, from an unknown peer, or unsigned where signatures are required.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { testDatabaseKinds } from "@vanthu/db";
import { EXCHANGE_HEADERS, processOutbox, requestSignature } from "@vanthu/server";
import { organ, writeEdxmlDocument } from "@vanthu/edxml";
import { DOCUMENT } from "../../edxml/test/fixtures.ts";
import { A_ORGAN, B_NAME, B_ORGAN, connectInstallations, listen } from "./exchange-fixture.ts";
import {
  approveAndIssue,
  draftFields,
  startTestApp,
  type Client,
  type TestApp,
} from "./helpers.ts";

interface Side {
  t: TestApp;
  url: string;
}

/** Runs both outboxes until neither has anything due. */
async function flush(a: Side, b: Side) {
  for (let i = 0; i < 10; i++) {
    const n = (await processOutbox(a.t.ctx, "test-a")) + (await processOutbox(b.t.ctx, "test-b"));
    if (!n) return;
  }
}

const kinds = testDatabaseKinds();
const aKind = kinds.includes("postgres") ? "postgres" : "pglite";

describe(`exchange between two installations (A on ${aKind}, B on pglite)`, () => {
  let a: Side;
  let b: Side;
  let aClerk: Client;
  let bClerk: Client;
  let bAgencyId: string;
  let SECRET: string;

  before(async () => {
    const ta = await startTestApp(aKind);
    const tb = await startTestApp("pglite");
    a = { t: ta, url: await listen(ta) };
    b = { t: tb, url: await listen(tb) };
    ({ secret: SECRET, bAgencyId } = await connectInstallations(ta, tb, {
      aInbox: `${a.url}/api/exchange/inbox`,
      bInbox: `${b.url}/api/exchange/inbox`,
    }));
    aClerk = await ta.login("stttt-ls.vanthu");
    bClerk = await tb.login("stttt-hd.vanthu");
  });
  after(async () => {
    await a?.t.close();
    await b?.t.close();
  });

  /** A directive of A to B, issued; returns its id and the delivery row. */
  async function issueToB(subject: string) {
    const d = await aClerk.post(
      "/api/documents",
      draftFields({ subject, addressees: [B_NAME], recipients: ["Như trên"] }),
    );
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const plan = await aClerk.get(`/api/documents/${d.body.id}/delivery-plan`);
    assert.equal(plan.status, 200);
    const issued = await approveAndIssue(a.t, aClerk, d.body.id);
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    return { id: d.body.id as string, reference: issued.body.reference as string };
  }

  async function deliveryOf(id: string) {
    const r = await aClerk.get(`/api/documents/${id}/deliveries`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const ext = r.body.items.find((x: { agency: { code: string } }) => x.agency.code === B_ORGAN);
    assert.ok(ext, JSON.stringify(r.body.items));
    return ext;
  }

  async function bRecordOf(reference: string) {
    const rows = await b.t.ctx.db
      .selectFrom("documents")
      .selectAll()
      .where("agency_id", "=", bAgencyId)
      .where("reference", "=", reference)
      .execute();
    return rows;
  }

  test("a directive goes out as edXML, arrives once, and its statuses 01, 03, 04, 05, 06 come back", async () => {
    const { id, reference } = await issueToB("triển khai tuyên truyền liên thông văn bản");
    let ext = await deliveryOf(id);
    assert.equal(ext.status, "00");
    assert.equal(ext.exchange.state, "pending");
    await flush(a, b);
    const records = await bRecordOf(reference);
    assert.equal(records.length, 1, "one record at B");
    const rec = records[0]!;
    assert.equal(rec.direction, "incoming");
    assert.match(rec.exchange_id ?? "", new RegExp(`^${A_ORGAN.replace(/\./g, "\\.")},`));
    assert.equal(rec.subject, "triển khai tuyên truyền liên thông văn bản");
    // The attached PDF was read: the parser agreed with the package's header.
    assert.equal(rec.exchange_mismatches, null, JSON.stringify(rec.exchange_mismatches));
    const files = await b.t.ctx.db
      .selectFrom("document_files")
      .select(["role", "name"])
      .where("document_id", "=", rec.id)
      .execute();
    assert.ok(
      files.some((f) => f.role === "original" && /\.pdf$/.test(f.name)),
      JSON.stringify(files),
    );
    ext = await deliveryOf(id);
    assert.equal(ext.status, "01");
    assert.equal(ext.exchange.state, "sent");

    // B registers, assigns, works on it, finishes: each step goes back as a status package.
    const reg = await bClerk.post(`/api/documents/${rec.id}/register`, {});
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    await flush(a, b);
    assert.equal((await deliveryOf(id)).status, "03");
    for (const status of ["04", "05", "06"]) {
      const p = await bClerk.post(`/api/documents/${rec.id}/progress`, { status });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      await flush(a, b);
      assert.equal((await deliveryOf(id)).status, status);
    }
    // Both logs tell the story: A sent one document and received 01, 03, 04, 05, 06.
    const log = await aClerk.get(`/api/exchange/messages?documentId=${id}`);
    assert.equal(log.status, 200);
    const codes = log.body.items
      .filter((m: { direction: string }) => m.direction === "in")
      .map((m: { statusCode: string }) => m.statusCode)
      .sort();
    assert.deepEqual(codes, ["01", "03", "04", "05", "06"]);
    const bLog = await bClerk.get("/api/exchange/messages?direction=out");
    assert.ok(bLog.body.items.every((m: { state: string }) => m.state === "sent"));
  });

  test("a return (02) reaches the issuer with its reason", async () => {
    const { id, reference } = await issueToB("đề nghị phối hợp kiểm tra hồ sơ");
    await flush(a, b);
    const [rec] = await bRecordOf(reference);
    const r = await bClerk.post(`/api/documents/${rec!.id}/return`, {
      reason: "Văn bản không thuộc thẩm quyền của Sở.",
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await flush(a, b);
    const ext = await deliveryOf(id);
    assert.equal(ext.status, "02");
    assert.equal(ext.returnReason, "Văn bản không thuộc thẩm quyền của Sở.");
  });

  test("a recall freezes the copy; one answered 15 stays withdrawn, one answered 16 is back", async () => {
    for (const accept of [true, false]) {
      const { id, reference } = await issueToB(`thu hồi thử ${accept ? "đồng ý" : "từ chối"}`);
      await flush(a, b);
      const [rec] = await bRecordOf(reference);
      const recall = await aClerk.post(`/api/documents/${id}/recall`, {
        reason: "Văn bản ban hành chưa đúng thể thức.",
      });
      assert.equal(recall.status, 200, JSON.stringify(recall.body));
      assert.equal(recall.body.recipients, 1);
      await flush(a, b);
      let copy = (await bRecordOf(reference))[0]!;
      assert.equal(copy.recall_pending, true);
      assert.ok(copy.withdrawn_at);
      // Frozen: it cannot be registered while the recall waits.
      const frozen = await bClerk.post(`/api/documents/${rec!.id}/register`, {});
      assert.equal(frozen.status, 409);
      assert.equal(frozen.body.error.code, "RECALL_PENDING");
      const answer = await bClerk.post(`/api/documents/${rec!.id}/recall-answer`, {
        accept,
        reason: accept ? "Đồng ý thu hồi." : "Văn bản đã được triển khai.",
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      await flush(a, b);
      copy = (await bRecordOf(reference))[0]!;
      assert.equal(copy.recall_pending, false);
      assert.equal(!!copy.withdrawn_at, accept);
      const ext = await deliveryOf(id);
      assert.equal(ext.recall.status, accept ? "15" : "16");
      assert.equal(ext.recall.answer, accept ? "Đồng ý thu hồi." : "Văn bản đã được triển khai.");
    }
  });

  test("a replacement arrives linked to the document it replaces", async () => {
    const { id, reference } = await issueToB("kế hoạch tuyên truyền (bản cũ)");
    await flush(a, b);
    const [old] = await bRecordOf(reference);
    const draft = await aClerk.post(
      "/api/documents",
      draftFields({
        subject: "kế hoạch tuyên truyền (thay thế)",
        addressees: [B_NAME],
        recipients: ["Như trên"],
        correctsId: id,
      }),
    );
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const issued = await approveAndIssue(a.t, aClerk, draft.body.id);
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    await flush(a, b);
    const [fresh] = await bRecordOf(issued.body.reference);
    assert.ok(fresh, "the replacement arrived");
    assert.equal(fresh.replaces_id, old!.id);
    assert.equal(fresh.replace_kind, "replace");
    const log = await b.t.ctx.db
      .selectFrom("exchange_messages")
      .select("business_type")
      .where("document_id", "=", fresh.id)
      .where("direction", "=", "in")
      .executeTakeFirstOrThrow();
    assert.equal(log.business_type, 3);
  });

  test("the receiver down: the package waits, retries with backoff and arrives once", async () => {
    const aInstaller = await a.t.login("admin");
    // B unreachable: a port nobody listens on.
    await aInstaller.request("PUT", `/api/admin/exchange/peers/${B_ORGAN}`, {
      transport: "http",
      address: "http://127.0.0.1:9/api/exchange/inbox",
    });
    const { id, reference } = await issueToB("gửi khi nơi nhận ngừng hoạt động");
    await processOutbox(a.t.ctx, "test-a");
    let ext = await deliveryOf(id);
    assert.equal(ext.status, "00");
    assert.equal(ext.exchange.state, "pending");
    assert.equal(ext.exchange.errorCode, "EXCHANGE_UNREACHABLE");
    // Not due again before its backoff.
    assert.equal(await processOutbox(a.t.ctx, "test-a"), 0);
    await aInstaller.request("PUT", `/api/admin/exchange/peers/${B_ORGAN}`, {
      transport: "http",
      address: `${b.url}/api/exchange/inbox`,
    });
    a.t.clock.advance(5_000);
    await flush(a, b);
    assert.equal((await bRecordOf(reference)).length, 1);
    ext = await deliveryOf(id);
    assert.equal(ext.status, "01");
    assert.equal(ext.exchange.state, "sent");
  });

  test("a package whose file is a placeholder still becomes a record, the missing file noted", async () => {
    const bytes = new TextEncoder().encode(
      writeEdxmlDocument({
        ...DOCUMENT,
        documentId: `${A_ORGAN},2026/11/20,77/STTTT-VP`,
        from: organ(A_ORGAN, "Sở Thông tin và Truyền thông tỉnh Lạng Sơn"),
        to: [organ(B_ORGAN, B_NAME)],
        code: { codeNumber: "77", codeNotation: "STTTT-VP" },
        attachments: [],
      }),
    );
    const r = await post(b.url, "placeholder-1", bytes);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.records, 1);
    const [rec] = await bRecordOf("77/STTTT-VP");
    assert.ok(rec);
    assert.equal(rec.format, "state");
    assert.deepEqual(
      (rec.exchange_mismatches as Array<{ field: string }>).map((m) => m.field),
      ["file"],
    );
  });

  test("the same package delivered twice is one record", async () => {
    const { reference } = await issueToB("gói tin gửi hai lần");
    await flush(a, b);
    const sent = await a.t.ctx.db
      .selectFrom("exchange_messages")
      .select(["message_id", "package_sha256"])
      .where("direction", "=", "out")
      .where("kind", "=", "document")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const bytes = (await a.t.ctx.files.get(sent.package_sha256!))!;
    const again = await post(b.url, sent.message_id, bytes);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.duplicate, true);
    assert.equal((await bRecordOf(reference)).length, 1);
  });

  async function post(
    url: string,
    messageId: string,
    bytes: Uint8Array,
    options: { secret?: string; from?: string } = {},
  ) {
    const form = new FormData();
    form.append("file", new Blob([bytes]), "goi-tin.edxml");
    const from = options.from ?? A_ORGAN;
    const res = await fetch(`${url}/api/exchange/inbox`, {
      method: "POST",
      body: form,
      headers: {
        [EXCHANGE_HEADERS.from]: from,
        [EXCHANGE_HEADERS.to]: B_ORGAN,
        [EXCHANGE_HEADERS.messageId]: messageId,
        [EXCHANGE_HEADERS.signature]: requestSignature(Buffer.from(options.secret ?? SECRET), {
          messageId,
          fromOrganId: from,
          toOrganId: B_ORGAN,
          sha256: (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex"),
        }),
      },
    });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  test("malformed, wrong-namespace, oversized, unknown-peer and unsigned packages are refused, nothing half-written", async () => {
    const before = await b.t.ctx.db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const cases: Array<[string, Uint8Array, { secret?: string; from?: string }, number, string]> = [
      ["not XML", new TextEncoder().encode("<edXML><broken"), {}, 422, "PACKAGE_INVALID"],
      [
        "another namespace",
        new TextEncoder().encode(
          `<?xml version="1.0"?><edXML:edXML xmlns:edXML="urn:other"><edXML:edXMLEnvelope/></edXML:edXML>`,
        ),
        {},
        422,
        "PACKAGE_INVALID",
      ],
      [
        "a DOCTYPE",
        new TextEncoder().encode(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>`),
        {},
        422,
        "PACKAGE_INVALID",
      ],
      [
        "a wrong secret",
        new TextEncoder().encode("<x/>"),
        { secret: "wrong" },
        401,
        "EXCHANGE_UNAUTHENTICATED",
      ],
      [
        "an unknown peer",
        new TextEncoder().encode("<x/>"),
        { from: "000.00.00.Z99" },
        401,
        "EXCHANGE_UNAUTHENTICATED",
      ],
    ];
    for (const [what, bytes, options, status, code] of cases) {
      const r = await post(b.url, `bad-${randomBytes(4).toString("hex")}`, bytes, options);
      assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, code, what);
    }
    const after = await b.t.ctx.db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    const refused = await b.t.ctx.db
      .selectFrom("exchange_messages")
      .select("error_code")
      .where("state", "=", "refused")
      .execute();
    assert.ok(refused.length >= 3, JSON.stringify(refused));
  });

  test("an agency that requires signed packages refuses an unsigned one", async () => {
    // B's admin sets it on the agency's exchange identity.
    const set = await (
      await b.t.login("admin")
    ).request("PUT", `/api/admin/agencies/${bAgencyId}/exchange`, {
      organId: B_ORGAN,
      requireSignedPackages: true,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const shown = await (await b.t.login("admin")).get("/api/admin/directory");
    assert.equal(
      shown.body.items.find((e: { organId: string }) => e.organId === B_ORGAN)
        ?.requireSignedPackages,
      true,
      "the admin's page shows the setting",
    );
    try {
      const { id } = await issueToB("gói tin không ký số");
      await flush(a, b);
      const ext = await deliveryOf(id);
      assert.equal(ext.exchange.state, "failed");
      assert.equal(ext.exchange.errorCode, "PACKAGE_UNSIGNED");
      // The clerk sees why, and can send it again once the receiver accepts it.
      await b.t.ctx.db
        .updateTable("agencies")
        .set({ exchange_require_signed: false })
        .where("id", "=", bAgencyId)
        .execute();
      const retry = await aClerk.post(`/api/exchange/messages/${ext.exchange.messageId}/retry`);
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      await flush(a, b);
      assert.equal((await deliveryOf(id)).status, "01");
    } finally {
      await b.t.ctx.db
        .updateTable("agencies")
        .set({ exchange_require_signed: false })
        .where("id", "=", bAgencyId)
        .execute();
    }
  });
});
