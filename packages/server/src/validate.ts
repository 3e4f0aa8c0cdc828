/** Request validation with zod: every problem at once, each with where it is, in Vietnamese. */
import { z } from "zod";
import { fail, type Issue } from "./errors.ts";

z.config(z.locales.vi());

export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.flatMap((i) =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({
          path: [...i.path, k].join("."),
          message: "Trường không được hỗ trợ.",
        }))
      : [{ path: i.path.join(".") || "(body)", message: i.message }],
  );
  throw fail("VALIDATION_FAILED", "request does not match the schema", issues);
}
