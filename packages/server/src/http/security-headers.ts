/**
 * Security headers on every answer: a Content-Security-Policy that the web application (/app/)
 * and the portal pass under, no framing (frame-ancestors 'none' and X-Frame-Options DENY),
 * Referrer-Policy strict-origin-when-cross-origin, nosniff, and HSTS only when the request came
 * over TLS (directly, or from a proxy in TRUST_PROXY that says X-Forwarded-Proto: https): sent
 * over plain HTTP it would be ignored by browsers at best, and on a LAN install reached by IP it
 * would pin a name that has no certificate.
 *
 * The headers are the ones @fastify/helmet sent with the options we used, computed once and set
 * by one synchronous hook: helmet ran its dozen middlewares and rebuilt the policy string on every
 * request (measured with the list endpoint in process: 0.2-0.36 ms a request, 7-12% of it).
 */
import type { FastifyInstance } from "fastify";

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
export const CSP_DIRECTIVES: Record<string, string[] | null> = {
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

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .filter((entry): entry is [string, string[]] => entry[1] !== null)
  .map(([name, values]) => `${kebab(name)} ${values.join(" ")}`)
  .join(";");

/** Every answer's headers, as one frozen object. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "cross-origin-opener-policy": "same-origin",
  // The feed's PDF enclosures and the portal's files may be fetched from other sites.
  "cross-origin-resource-policy": "same-site",
  "origin-agent-cluster": "?1",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  // The old XSS auditor is off: it did harm (leaks through its reports) and no browser keeps it.
  "x-xss-protection": "0",
});

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onRequest", (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    if (request.protocol === "https")
      void reply.header("strict-transport-security", "max-age=31536000");
    done();
  });
}
