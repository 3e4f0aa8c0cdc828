/**
 * The OpenAPI description, built from the same zod schemas that validate requests, so the two
 * cannot drift apart. Served at /api/docs.
 */
import { z } from "zod";

export interface RouteDoc {
  method: string;
  url: string;
  summary: string;
  tag: string;
  auth: "none" | "session" | "optional";
  body?: z.ZodType;
  query?: z.ZodType;
  multipart?: boolean;
  responses: Record<number, string>;
}

const errorRef = { $ref: "#/components/schemas/Error" };

export class OpenApiRegistry {
  readonly routes: RouteDoc[] = [];

  add(doc: RouteDoc): void {
    this.routes.push(doc);
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of this.routes) {
      const path = r.url.replace(/:([A-Za-z]+)/g, "{$1}");
      const params = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      const queryProps = r.query
        ? ((z.toJSONSchema(r.query, { io: "input" }) as { properties?: Record<string, unknown> })
            .properties ?? {})
        : {};
      const query = Object.entries(queryProps).map(([name, schema]) => ({
        name,
        in: "query",
        required: false,
        schema,
      }));
      const op: Record<string, unknown> = {
        summary: r.summary,
        tags: [r.tag],
        parameters: [...params, ...query],
        responses: Object.fromEntries(
          Object.entries(r.responses).map(([code, description]) => [
            code,
            Number(code) >= 400
              ? { description, content: { "application/json": { schema: errorRef } } }
              : { description },
          ]),
        ),
      };
      if (r.auth === "session") op.security = [{ session: [] }];
      if (r.body)
        op.requestBody = {
          required: true,
          content: { "application/json": { schema: z.toJSONSchema(r.body, { io: "input" }) } },
        };
      if (r.multipart)
        op.requestBody = {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: { file: { type: "string", format: "binary" } },
              },
            },
          },
        };
      (paths[path] ??= {})[r.method.toLowerCase()] = op;
    }
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
        schemas: {
          Error: {
            type: "object",
            properties: {
              error: {
                type: "object",
                required: ["code", "message"],
                properties: {
                  code: { type: "string" },
                  message: { type: "string" },
                  issues: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: { path: { type: "string" }, message: { type: "string" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      paths,
    };
  }
}
