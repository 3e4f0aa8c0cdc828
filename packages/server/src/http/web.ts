/**
 * The web application's build (packages/web/dist) under /app/: hashed assets cached for a year,
 * served pre-compressed when the build wrote .gz/.br beside them; every other /app/ path gets
 * index.html, where the client-side router takes over. Without a build, /app/ says how to make it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import fastifyStatic from "@fastify/static";
import type { AppContext } from "../context.ts";

export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

export async function registerWebApp(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const root = ctx.config.webDir ?? DEFAULT_WEB_DIR;
  const indexFile = join(root, "index.html");
  app.get("/app", (_request, reply) => reply.redirect("/app/"));
  if (!existsSync(indexFile)) {
    app.log.warn({ root }, "web application not built: run `npm run build:web`");
    const missing = (_r: unknown, reply: FastifyReply) =>
      reply
        .status(503)
        .type("text/html; charset=utf-8")
        .send(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>vanthu</title><p>Giao diện web chưa được dựng. Chạy <code>npm run build:web</code> rồi khởi động lại.</p></html>`,
        );
    app.get("/app/", missing);
    app.get("/app/*", missing);
    return;
  }
  const index = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root,
    prefix: "/app/",
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        "cache-control",
        path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  const sendIndex = (_r: unknown, reply: FastifyReply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index);
  app.get("/app/", sendIndex);
  app.get("/app/*", sendIndex);
}
