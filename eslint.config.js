// Lint: typescript-eslint's recommended rules, and the layer rules of DESIGN.md section 2:
// dependencies point one way, packages import each other only through their index, and core
// stays pure (no fs, no network, no process, no clock).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    // The web app reads the contract's types only: no schema (no zod) goes to the browser.
    files: ["packages/web/src/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@vanthu/contract",
              allowTypeImports: true,
              message:
                "Import the contract's types only (import type): its schemas stay on the server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/extract/src/**/*.ts"],
    rules: {
      "no-restricted-imports": layerRule(
        ["@vanthu/cli", "@vanthu/server", "@vanthu/db"],
        "extract sits below cli and server.",
      ),
    },
  },
  // Packages that do I/O: only the direction of their imports is restricted.
  ...[
    [
      "packages/render/src/**/*.ts",
      ["@vanthu/cli", "@vanthu/server", "@vanthu/db", "@vanthu/extract"],
      "render depends on core only.",
    ],
    [
      "packages/db/src/**/*.ts",
      ["@vanthu/cli", "@vanthu/server", "@vanthu/render", "@vanthu/extract"],
      "db sits below server and cli.",
    ],
    ["packages/server/src/**/*.ts", ["@vanthu/cli"], "server sits below cli."],
  ].map(([files, above, message]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": ["error", { patterns: [deepImports, { group: above, message }] }],
    },
  })),
);
