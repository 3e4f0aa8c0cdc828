/** GET /api/search: the one search box. */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";
import { day, documentStatus, id } from "./common.ts";

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  type: z.string().trim().max(10).optional(),
  issuer: z.string().trim().max(200).optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  status: z.enum(["draft", "issued", "registered", "returned"]).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHit = z.strictObject({
  id,
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  /** HTML: the text escaped, the matches in <mark>. */
  snippet: z.string(),
  issuer: z.string().nullable(),
  date: day.nullable(),
  typeCode: z.string().nullable(),
  status: documentStatus,
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.strictObject({
  items: z.array(searchHit),
  total: z.number().int(),
  /**
   * More matches than `total`: matches are read up to one past the page asked (counting them all
   * is what grows with the archive); `total` is then the matches up to the page's end.
   */
  capped: z.boolean().optional(),
  /** A reference typed loosely: the document it names (the page goes straight to it). */
  match: z.strictObject({ id, reference: z.string().nullable() }).optional(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchEndpoints = {
  "GET /api/search": endpoint({
    summary:
      'Search: words without diacritics, "quoted phrases" as written, a reference typed loosely goes to its document; the agency\'s documents and public ones',
    tag: "search",
    auth: "optional",
    query: searchQuerySchema,
    replies: "The hits, newest first among equals, with a highlighted snippet",
    reply: searchResult,
    errors: { 400: "Bad query" },
  }),
};
