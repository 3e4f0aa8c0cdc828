/**
 * Security headers on every answer, through @fastify/helmet: a Content-Security-Policy that the
 * web application (/app/) and the portal pass under, no framing (frame-ancestors 'none' and
 * X-Frame-Options DENY), Referrer-Policy strict-origin-when-cross-origin, and HSTS only when the
 * request came over TLS (directly, or from a proxy in TRUST_PROXY that says X-Forwarded-Proto:
 * https): sent over plain HTTP it would be ignored by browsers at best, and on a LAN install
 * reached by IP it would pin a name that has no certificate.
 */
import type { FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";

/**
 * Scripts only from our own origin, with no inline scripts or handlers: the Vite build emits
 * module files only, and the portal's one behaviour (the agency picker) is /portal.js.
 * Styles allow 'unsafe-inline', checked in Chromium (e2e/security-headers.spec.ts): with
 * style-src 'self' alone, Mantine's MantineProvider has its four run-time <style> elements (the
 * theme's CSS variables, written by the main bundle) blocked, four violations on the home page
 * alone, and the portal loses its inline <style> (the header turned transparent). The ND30 HTML,
 * shown in the pages through innerHTML, also places its lines with style attributes, which a
 * hash cannot allow. Styles cannot run code, and every piece of user text is escaped before it
 * reaches a page; scripts, which can, have no such allowance.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // data: for Mantine's inline SVG icons in CSS; blob: for files the pages download.
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  // The pages open PDFs in a tab or download them; nothing is embedded.
  objectSrc: ["'none'"],
  frameSrc: ["'self'", "blob:"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Off: on an install reached over plain HTTP by address it would break every asset.
  upgradeInsecureRequests: null,
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    hsts: false,
    // The feed's PDF enclosures and the portal's files may be fetched from other sites.
    crossOriginResourcePolicy: { policy: "same-site" },
  });
  app.addHook("onRequest", async (request, reply) => {
    if (request.protocol === "https")
      void reply.header("strict-transport-security", "max-age=31536000");
  });
}
