/**
 * The signers behind the port: a PKCS#12 file and a remote signing service (the development
 * service, started here), and the errors each gives, with their codes and Vietnamese messages.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  checkSigner,
  Pkcs12Signer,
  RemoteSigner,
  SignError,
  signPdf,
  startSigningService,
  type SigningService,
} from "../src/index.ts";
import { hasTool, pdfsig, PERSON, renderDraft, testPki } from "./sign-fixtures.ts";

const DAY = 86_400_000;

async function rejects(p: Promise<unknown> | (() => unknown), code: string) {
  await assert.rejects(
    async () => (typeof p === "function" ? p() : p),
    (e: unknown) => {
      assert.ok(e instanceof SignError, String(e));
      assert.equal(e.code, code);
      assert.ok(e.userMessage.length > 10 && e.userMessage === e.userMessage.normalize("NFC"));
      return true;
    },
  );
}

describe("Pkcs12Signer", () => {
  it("signs with the chain leaf first", async () => {
    const pki = await testPki();
    const id = await pki.person({ ...PERSON, password: "đúng" });
    const s = Pkcs12Signer.open(id.p12, "đúng");
    const chain = await s.certificates();
    assert.equal(chain.length, 2);
    assert.deepEqual(Buffer.from(chain[0]!), Buffer.from(id.certificate));
    assert.deepEqual(Buffer.from(chain[1]!), Buffer.from(pki.root));
    assert.equal((await s.sign(new Uint8Array(32), "SHA-256")).length, 256);
    assert.equal(s.interactive, false);
    const who = await checkSigner(s);
    assert.match(who.subject, /^CN=Vương Đình Quý, OU=Văn phòng, O=UBND tỉnh Cao Nguyên/);
    assert.match(who.issuer, /^CN=vanthu Development Root CA/);
  });

  it("checkSigner: a certificate expired at the time given, SIGNER_CERTIFICATE_EXPIRED", async () => {
    const id = await (await testPki()).person({ ...PERSON, password: "p" });
    const s = Pkcs12Signer.open(id.p12, "p");
    await rejects(checkSigner(s, new Date(Date.now() + 4000 * DAY)), "SIGNER_CERTIFICATE_EXPIRED");
  });

  const cases: Array<{ name: string; code: string; make: () => Promise<() => unknown> }> = [
    {
      name: "a wrong password",
      code: "SIGNER_BAD_PASSWORD",
      make: async () => {
        const id = await (await testPki()).person({ ...PERSON, password: "đúng" });
        return () => Pkcs12Signer.open(id.p12, "sai");
      },
    },
    {
      name: "an expired certificate",
      code: "SIGNER_CERTIFICATE_EXPIRED",
      make: async () => {
        const id = await (
          await testPki()
        ).person({
          ...PERSON,
          password: "p",
          notBefore: new Date(Date.now() - 400 * DAY),
          notAfter: new Date(Date.now() - 30 * DAY),
        });
        return () => Pkcs12Signer.open(id.p12, "p");
      },
    },
    {
      name: "a certificate not yet valid at the signing time given",
      code: "SIGNER_CERTIFICATE_EXPIRED",
      make: async () => {
        const id = await (await testPki()).person({ ...PERSON, password: "p" });
        return () => Pkcs12Signer.open(id.p12, "p", { now: () => new Date(Date.now() - 30 * DAY) });
      },
    },
    {
      name: "bytes that are no PKCS#12",
      code: "SIGNER_BAD_FILE",
      make: async () => () => Pkcs12Signer.open(new TextEncoder().encode("not a p12"), "p"),
    },
    {
      name: "an empty file",
      code: "SIGNER_BAD_FILE",
      make: async () => () => Pkcs12Signer.open(new Uint8Array(0), "p"),
    },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.code}`, async () => {
      await rejects(await c.make(), c.code);
    });
});

describe("RemoteSigner against the development signing service", () => {
  let service: SigningService;
  const creds = { clientId: "vanthu", clientSecret: "bí mật", user: "quy.vd" };
  before(async () => {
    const id = await (await testPki()).person({ ...PERSON, password: "p" });
    service = await startSigningService({ p12: id.p12, password: "p", ...creds });
  });
  after(() => service.close());

  const remote = (o: Partial<ConstructorParameters<typeof RemoteSigner>[0]> = {}) =>
    new RemoteSigner({ url: service.url, ...creds, pollIntervalMs: 20, ...o });

  it("waits for the confirmation, then signs a PDF that pdfsig finds valid", async (t) => {
    const signer = remote();
    assert.equal(signer.interactive, true);
    const signing = signPdf(renderDraft().pdf, signer);
    // The person confirms on the phone once the request is there.
    for (let i = 0; i < 200 && !service.pending().length; i++)
      await new Promise((r) => setTimeout(r, 10));
    const [id] = service.pending();
    assert.ok(id, "no pending request");
    await service.confirm(id);
    const signed = await signing;
    if (!hasTool("pdfsig")) return t.skip("pdfsig (poppler-utils) is not installed");
    const [sig] = await pdfsig(signed);
    assert.equal(sig!["Signature Validation"], "Signature is Valid.");
    assert.equal(sig!["Signer Certificate Common Name"], PERSON.name);
  });

  it("no confirmation in time: SIGNER_TIMEOUT", async () => {
    await rejects(signPdf(renderDraft().pdf, remote({ timeoutMs: 150 })), "SIGNER_TIMEOUT");
  });

  it("refused on the phone: SIGNER_REJECTED", async () => {
    const waiting = new Set(service.pending());
    const signing = signPdf(renderDraft().pdf, remote());
    const fresh = () => service.pending().filter((id) => !waiting.has(id));
    for (let i = 0; i < 200 && !fresh().length; i++) await new Promise((r) => setTimeout(r, 10));
    service.reject(fresh()[0]!);
    await rejects(signing, "SIGNER_REJECTED");
  });

  it("wrong client secret: SIGNER_BAD_CREDENTIALS", async () => {
    await rejects(remote({ clientSecret: "sai" }).certificates(), "SIGNER_BAD_CREDENTIALS");
  });

  it("no service there: SIGNER_UNAVAILABLE", async () => {
    await rejects(
      new RemoteSigner({ url: "http://127.0.0.1:9/", ...creds }).certificates(),
      "SIGNER_UNAVAILABLE",
    );
  });
});
