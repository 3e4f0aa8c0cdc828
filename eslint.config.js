// Lint: typescript-eslint's recommended rules, and the layer rules of DESIGN.md section 2:
// dependencies point one way, packages import each other only through their index (a relative
// import never leaves its package: scripts/lint/own-package.js), core stays pure (no fs, no
// network, no process, no clock), and the web app runs core only (types from the server).
// packages/cli/test/layers.test.ts proves each rule catches what it is for.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import vanthu from "./scripts/lint/own-package.js";

const NODE_IO = [
  "fs",
  "fs/promises",
  "node:fs",
  "node:fs/promises",
  "child_process",
  "node:child_process",
  "http",
  "node:http",
  "https",
  "node:https",
  "net",
  "node:net",
  "os",
  "node:os",
  "path",
  "node:path",
];
const deepImports = {
  // @vanthu/server/config: the configuration alone, for commands that must not load the server.
  group: ["@vanthu/*/*", "!@vanthu/server/config"],
  message: "Import another package through its index (@vanthu/name), not its files.",
};

/**
 * What the web app may import of ours. At run time: core (and its own files); the server's code
 * runs in Node, so only its types (`import type`), and nothing of db, extract, render or cli.
 */
const WEB_RUNTIME = ["@vanthu/core"];
// The contract's schemas (zod) and the server's code stay on the server: the web takes their types.
const WEB_TYPES_ONLY = ["@vanthu/server", "@vanthu/contract"];

/** No I/O modules, no deep imports, and no import of the packages above this one. */
const layerRule = (above, message) => [
  "error",
  { paths: NODE_IO, patterns: [deepImports, { group: [above].flat(), message }] },
];

export default tseslint.config(
  { ignores: ["node_modules/", "**/dist/", ".tmp/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { vanthu },
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": ["error", { patterns: [deepImports] }],
      "vanthu/own-package": "error",
    },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": layerRule("@vanthu/*", "core depends on no other package."),
      "no-restricted-globals": [
        "error",
        { name: "process", message: "core reads no environment: pass what it needs as arguments." },
        { name: "Date", message: "core has no clock: pass dates in." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "core has no clock: pass `now` in.",
        },
      ],
    },
  },
  {
    // The API contract: schemas and types over core's vocabularies, read by server and web.
    files: ["packages/contract/src/**/*.ts"],
    rules: {
      "no-restricted-imports": layerRule(
        [
          "@vanthu/cli",
          "@vanthu/server",
          "@vanthu/db",
          "@vanthu/extract",
          "@vanthu/render",
          "@vanthu/signatures",
          "@vanthu/edxml",
          "@vanthu/web",
        ],
        "contract depends on core (and zod) only.",
      ),
      "no-restricted-globals": [
        "error",
        { name: "process", message: "the contract reads no environment." },
        { name: "Date", message: "the contract has no clock." },
      ],
    },
  },
  {
    files: ["packages/extract/src/**/*.ts"],
    rules: {
      "no-restricted-imports": layerRule(
        ["@vanthu/cli", "@vanthu/server", "@vanthu/db", "@vanthu/signatures", "@vanthu/edxml"],
        "extract sits below cli and server.",
      ),
    },
  },
  // Packages that do I/O: only the direction of their imports is restricted.
  ...[
    [
      "packages/render/src/**/*.ts",
      ["@vanthu/cli", "@vanthu/server", "@vanthu/db", "@vanthu/extract", "@vanthu/edxml"],
      "render depends on core only.",
    ],
    [
      "packages/db/src/**/*.ts",
      ["@vanthu/cli", "@vanthu/server", "@vanthu/render", "@vanthu/extract", "@vanthu/edxml"],
      "db sits below server and cli.",
    ],
    [
      "packages/signatures/src/**/*.ts",
      ["@vanthu/cli", "@vanthu/server", "@vanthu/db", "@vanthu/web", "@vanthu/edxml"],
      "signatures sits below server and cli (it may use core, extract and render).",
    ],
    [
      // edXML packages (QCVN 102:2016): above signatures, below the server and the CLI.
      "packages/edxml/src/**/*.ts",
      [
        "@vanthu/cli",
        "@vanthu/server",
        "@vanthu/db",
        "@vanthu/web",
        "@vanthu/render",
        "@vanthu/contract",
      ],
      "edxml sits below server and cli (it may use core, extract and signatures).",
    ],
    ["packages/server/src/**/*.ts", ["@vanthu/cli"], "server sits below cli."],
  ].map(([files, above, message]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": ["error", { patterns: [deepImports, { group: above, message }] }],
    },
  })),
  {
    // typescript-eslint's rule tells `import type` apart; type imports pass only where allowed.
    files: ["packages/web/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@vanthu/*/*"], message: deepImports.message },
            {
              group: ["@vanthu/*", ...[...WEB_RUNTIME, ...WEB_TYPES_ONLY].map((p) => `!${p}`)],
              message: "web runs core only: db, extract, render and cli stay on the server.",
            },
            {
              group: WEB_TYPES_ONLY,
              allowTypeImports: true,
              message:
                "web takes only types from the server and the contract (import type): their code runs in Node.",
            },
          ],
        },
      ],
    },
  },
);
