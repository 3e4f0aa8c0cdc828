/**
 * The OpenAPI description, written from the route declarations of @vanthu/contract as the
 * server registers them (http/route.ts adds each route here when it registers its handler), so
 * the description and the running routes cannot drift apart. Served at /api/docs.
 *
 * Replies are JSON Schema components (the shared ones by name: a document summary is one schema
 * wherever it appears); bodies and queries are written in place, as a client sends them.
 */
import { z } from "zod";
import {
  batchView,
  chainNode,
  documentDetail,
  documentSummary,
  errorBody,
  openedDocument,
  pathParams,
  splitKey,
  type EndpointSpec,
} from "@vanthu/contract";

export interface DocumentedRoute {
  key: string;
  spec: EndpointSpec;
}

const COMPONENTS = "#/components/schemas/";
/** Shared reply parts, named once in the components. */
const SHARED: Array<[z.ZodType, string]> = [
  [errorBody, "Error"],
  [documentSummary, "DocumentSummary"],
  [documentDetail, "DocumentDetail"],
  [openedDocument, "OpenedDocument"],
  [chainNode, "ChainNode"],
  [batchView, "ImportBatch"],
];

/** "GET /api/documents/:id/files/:name" -> "GetApiDocumentsIdFilesName". */
const componentName = (key: string) =>
  key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("");

const inputSchema = (schema: z.ZodType) => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input" }) as Record<
    string,
    unknown
  >;
  return json;
};

export class OpenApiRegistry {
  readonly routes: DocumentedRoute[] = [];
  #document: Record<string, unknown> | null = null;

  add(key: string, spec: EndpointSpec): void {
    this.routes.push({ key, spec });
    this.#document = null;
  }

  /** The document, written once from the routes added (again after another is added). */
  document(): Record<string, unknown> {
    return (this.#document ??= this.write());
  }

  private write(): Record<string, unknown> {
    const replies = z.registry<{ id: string }>();
    const named = new Map<z.ZodType, string>();
    const nameOf = (schema: z.ZodType, name: string): string => {
      const known = named.get(schema);
      if (known) return known;
      named.set(schema, name);
      replies.add(schema, { id: name });
      return name;
    };
    for (const [schema, name] of SHARED) nameOf(schema, name);

    const paths: Record<string, Record<string, unknown>> = {};
    for (const { key, spec } of this.routes) {
      const { method, path } = splitKey(key);
      const parameters: unknown[] = pathParams(path).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      if (spec.query) {
        const json = inputSchema(spec.query) as {
          properties?: Record<string, unknown>;
          required?: string[];
        };
        for (const [name, schema] of Object.entries(json.properties ?? {}))
          parameters.push({
            name,
            in: "query",
            required: json.required?.includes(name) ?? false,
            schema,
          });
      }
      const success = spec.status ?? 200;
      const content =
        "kind" in spec.reply
          ? { "application/octet-stream": { schema: { type: "string", format: "binary" } } }
          : {
              "application/json": {
                schema: { $ref: COMPONENTS + nameOf(spec.reply, componentName(key)) },
              },
            };
      const responses: Record<string, unknown> = {
        [success]: { description: spec.replies, content },
      };
      for (const [status, description] of Object.entries(spec.otherStatuses ?? {}))
        responses[status] = { description, content };
      const errors: Record<string, string> = { ...spec.errors } as Record<string, string>;
      if (spec.auth === "session") errors[401] ??= "Not signed in";
      if (spec.roles) errors[403] ??= `Not one of: ${spec.roles.join(", ")}`;
      if (spec.body || spec.query) errors[400] ??= "Does not match the schema (VALIDATION_FAILED)";
      for (const [status, description] of Object.entries(errors))
        responses[status] = {
          description,
          content: { "application/json": { schema: { $ref: COMPONENTS + "Error" } } },
        };
      const op: Record<string, unknown> = {
        operationId: componentName(key),
        summary: spec.summary,
        tags: [spec.tag],
        parameters,
        responses,
      };
      if (spec.roles) {
        op.description = `Roles: ${spec.roles.join(", ")}.`;
        op["x-roles"] = spec.roles;
      }
      if (spec.auth === "session") op.security = [{ session: [] }];
      if (spec.auth === "optional") op.security = [{}, { session: [] }];
      if (spec.body)
        op.requestBody = {
          required: !spec.body.safeParse(undefined).success,
          content: { "application/json": { schema: inputSchema(spec.body) } },
        };
      if (spec.upload) {
        const file = { type: "string", format: "binary" };
        op.requestBody = {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: spec.upload === "many" ? { type: "array", items: file } : file,
                  ...(spec.upload === "many" ? { label: { type: "string" } } : {}),
                },
              },
            },
          },
        };
      }
      (paths[path.replace(/:([A-Za-z]+)/g, "{$1}")] ??= {})[method.toLowerCase()] = op;
    }

    const schemas = Object.fromEntries(
      Object.entries(
        z.toJSONSchema(replies, { io: "output", uri: (id) => COMPONENTS + id }).schemas,
      ).map(([id, { $schema: _, $id: _id, ...json }]) => [id, json]),
    );
    return {
      openapi: "3.1.0",
      info: {
        title: "vanthu API",
        version: "0.1.0",
        description:
          "Văn bản hành chính: soạn thảo, ban hành, vào sổ, tìm kiếm. Every error carries a stable `code` and a Vietnamese `message` (and `issues` with the path of each problem). Writes authenticated by the session cookie need the `x-csrf-token` header returned at login.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "vanthu_session" } },
        schemas,
      },
      paths,
    };
  }
}
