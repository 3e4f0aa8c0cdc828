/** What the signing tests share: a rendered draft, a development PKI, a local TSA, PNG images. */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { renderPdfPlaced } from "@vanthu/render";
import { createDevelopmentPki, type DevelopmentPki } from "../src/index.ts";

const run = promisify(execFile);

/** The Quyết định example as a draft: number and date blank, rendered with room to stamp them. */
export function renderDraft() {
  const doc = parseDocument(
    readFileSync(new URL("../../../examples/03-quyet-dinh-ubnd.txt", import.meta.url), "utf8"),
  );
  const draft = { ...doc, number: null, dateParts: { day: null, month: null, year: null } };
  return renderPdfPlaced(layoutDocument(draft as unknown as LayoutSource), {
    stampBlanks: true,
    creationDate: new Date("2026-12-01T08:00:00Z"),
  });
}

export const PERSON = { name: "Vương Đình Quý", unit: "Văn phòng", agency: "UBND tỉnh Cao Nguyên" };
export const AGENCY = "UBND tỉnh Cao Nguyên";

let pki: Promise<DevelopmentPki> | null = null;
export const testPki = () => (pki ??= createDevelopmentPki());

export function hasTool(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** pdfsig's report, one object a signature. */
export async function pdfsig(pdf: Uint8Array): Promise<Array<Record<string, string>>> {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-pdfsig-"));
  try {
    const file = join(dir, "f.pdf");
    writeFileSync(file, pdf);
    const { stdout } = await run("pdfsig", [file]).catch((e: { stdout: string }) => ({
      stdout: e.stdout ?? "",
    }));
    const sigs: Array<Record<string, string>> = [];
    for (const line of stdout.split("\n")) {
      if (/^Signature #\d+:/.test(line)) sigs.push({});
      const m = /^\s+- ([^:]+)(?:: (.*))?$/.exec(line);
      if (m && sigs.length) sigs.at(-1)![m[1]!] = m[2] ?? "";
    }
    return sigs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An RFC 3161 timestamp authority on localhost: `openssl ts -reply` behind an HTTP handler, with
 * a TSA certificate of the test PKI. Null when openssl is not installed.
 */
export async function startTsa(): Promise<{
  url: string;
  certificatePem: string;
  rootPem: string;
  close(): Promise<void>;
} | null> {
  if (!hasTool("openssl")) return null;
  const p = await testPki();
  const tsa = await p.timestampAuthority("tsa");
  const dir = mkdtempSync(join(tmpdir(), "vanthu-tsa-"));
  writeFileSync(join(dir, "tsa.pem"), tsa.certificatePem);
  writeFileSync(join(dir, "tsa.key"), tsa.keyPem());
  writeFileSync(join(dir, "root.pem"), p.rootPem);
  writeFileSync(join(dir, "serial"), "01\n");
  writeFileSync(
    join(dir, "tsa.cnf"),
    [
      "[ tsa ]",
      "default_tsa = tsa1",
      "[ tsa1 ]",
      `dir = ${dir}`,
      `serial = ${dir}/serial`,
      `signer_cert = ${dir}/tsa.pem`,
      `certs = ${dir}/tsa.pem`,
      `signer_key = ${dir}/tsa.key`,
      "signer_digest = sha256",
      "default_policy = 1.2.3.4.1",
      "digests = sha256, sha384, sha512",
      "accuracy = secs:1",
      "ess_cert_id_alg = sha256",
      "",
    ].join("\n"),
  );
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const q = join(dir, `q${++n}.tsq`);
      const r = join(dir, `r${n}.tsr`);
      writeFileSync(q, Buffer.concat(chunks));
      run("openssl", ["ts", "-reply", "-config", join(dir, "tsa.cnf"), "-queryfile", q, "-out", r])
        .then(() => {
          res.writeHead(200, { "content-type": "application/timestamp-reply" });
          res.end(readFileSync(r));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    certificatePem: tsa.certificatePem,
    rootPem: p.rootPem,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          r();
        });
      }),
  };
}

/** A PNG of `w` x `h` RGBA pixels from `pixel(x, y)` (filter 0 rows). */
export function makePng(
  w: number,
  h: number,
  pixel: (x: number, y: number) => number[],
): Uint8Array {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) raw.set(pixel(x, y), y * (w * 4 + 1) + 1 + x * 4);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    let c = 0xffffffff;
    for (const b of body) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A blue stroke on transparency (a signature), 3:1. */
export const signatureImage = () =>
  makePng(150, 50, (x, y) =>
    Math.abs(y - 25 - 15 * Math.sin(x / 12)) < 3 ? [20, 40, 160, 255] : [0, 0, 0, 0],
  );
/** A red ring (a seal), 1:1. */
export const sealImage = () =>
  makePng(80, 80, (x, y) => {
    const r = Math.hypot(x - 40, y - 40);
    return r < 39 && r > 30 ? [220, 20, 20, 230] : [0, 0, 0, 0];
  });
