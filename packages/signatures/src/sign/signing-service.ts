/**
 * A signing service for development and tests, in the shape RemoteSigner speaks: it holds a
 * PKCS#12 and signs the hashes it is sent, each one pending until confirmed (as on a phone), or
 * at once with `autoConfirm`. Never for production.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Pkcs12Signer } from "./pkcs12-signer.ts";
import type { HashAlgorithm } from "./signer.ts";

export interface SigningServiceOptions {
  p12: Uint8Array;
  password: string;
  clientId: string;
  clientSecret: string;
  user: string;
  autoConfirm?: boolean;
  port?: number;
}

export interface SigningService {
  url: string;
  /** Transactions waiting for a confirmation. */
  pending(): string[];
  confirm(id: string): Promise<void>;
  reject(id: string): void;
  close(): Promise<void>;
}

interface Transaction {
  digest: Uint8Array;
  hash: HashAlgorithm;
  status: "pending" | "confirmed" | "rejected";
  signature?: string;
}

async function body(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 64 * 1024) throw new Error("too large");
    chunks.push(c as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export async function startSigningService(o: SigningServiceOptions): Promise<SigningService> {
  const signer = Pkcs12Signer.open(o.p12, o.password);
  const chain = (await signer.certificates()).map((c) => Buffer.from(c).toString("base64"));
  const tx = new Map<string, Transaction>();
  const auth = `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString("base64")}`;
  const confirm = async (id: string) => {
    const t = tx.get(id);
    if (!t || t.status !== "pending") return;
    t.signature = Buffer.from(await signer.sign(t.digest, t.hash)).toString("base64");
    t.status = "confirmed";
  };
  const server = createServer((req, res) => {
    const send = (status: number, v: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(v));
    };
    void (async () => {
      if (req.headers.authorization !== auth) return send(401, { error: "unauthorized" });
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET" && url.pathname.endsWith("/certificates")) {
        if (url.searchParams.get("user") !== o.user) return send(404, { error: "no such user" });
        return send(200, { certificates: chain });
      }
      if (req.method === "POST" && url.pathname.endsWith("/sign")) {
        const b = (await body(req)) as { user?: string; hash?: string; hashAlgorithm?: string };
        if (b.user !== o.user || typeof b.hash !== "string")
          return send(400, { error: "bad request" });
        const id = randomUUID();
        tx.set(id, {
          digest: new Uint8Array(Buffer.from(b.hash, "base64")),
          hash: (b.hashAlgorithm ?? "SHA-256") as HashAlgorithm,
          status: "pending",
        });
        if (o.autoConfirm) await confirm(id);
        return send(200, { transactionId: id, status: tx.get(id)!.status });
      }
      const m = /\/transactions\/([\w-]+)$/.exec(url.pathname);
      if (req.method === "GET" && m) {
        const t = tx.get(m[1]!);
        if (!t) return send(404, { error: "no such transaction" });
        return send(200, { status: t.status, signature: t.signature });
      }
      send(404, { error: "not found" });
    })().catch(() => send(400, { error: "bad request" }));
  });
  await new Promise<void>((r) => server.listen(o.port ?? 0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    pending: () => [...tx].filter(([, t]) => t.status === "pending").map(([id]) => id),
    confirm,
    reject: (id) => {
      const t = tx.get(id);
      if (t?.status === "pending") t.status = "rejected";
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
