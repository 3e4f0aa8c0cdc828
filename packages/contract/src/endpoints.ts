/** Every route of the API, keyed "METHOD /path/:param". */
import type {
  BodyIn,
  BodyOut,
  EndpointSpec,
  PathOf,
  PathParams,
  QueryIn,
  QueryOut,
  ReplyOf,
} from "./endpoint.ts";
import { agencyEndpoints } from "./agencies.ts";
import { authEndpoints } from "./auth.ts";
import { delegationEndpoints } from "./delegations.ts";
import { deliveryEndpoints } from "./deliveries.ts";
import { documentEndpoints } from "./documents.ts";
import { exchangeEndpoints } from "./exchange.ts";
import { followupEndpoints } from "./followup.ts";
import { formEndpoints } from "./forms.ts";
import { importEndpoints } from "./imports.ts";
import { handlingEndpoints } from "./handling.ts";
import { linkEndpoints } from "./links.ts";
import { registerEndpoints } from "./registers.ts";
import { reviewEndpoints } from "./review.ts";
import { searchEndpoints } from "./search.ts";
import { signatureEndpoints } from "./signatures.ts";
import { signingEndpoints } from "./signing.ts";
import { systemEndpoints } from "./system.ts";
import { workEndpoints } from "./work.ts";

export const endpoints = {
  ...systemEndpoints,
  ...authEndpoints,
  ...documentEndpoints,
  ...deliveryEndpoints,
  ...linkEndpoints,
  ...followupEndpoints,
  ...searchEndpoints,
  ...registerEndpoints,
  ...agencyEndpoints,
  ...importEndpoints,
  ...formEndpoints,
  ...handlingEndpoints,
  ...delegationEndpoints,
  ...reviewEndpoints,
  ...workEndpoints,
  ...signatureEndpoints,
  ...exchangeEndpoints,
  ...signingEndpoints,
} satisfies Record<string, EndpointSpec>;

export type Endpoints = typeof endpoints;
export type EndpointKey = keyof Endpoints;

/** What route K answers (its reply schema's type; a Blob for a file). */
export type ApiReply<K extends EndpointKey> = ReplyOf<Endpoints[K]>;
/** The JSON body a client sends to K (fields with defaults may be left out). */
export type ApiBody<K extends EndpointKey> = BodyIn<Endpoints[K]>;
/** The body K's handler receives, parsed and with its defaults. */
export type ApiParsedBody<K extends EndpointKey> = BodyOut<Endpoints[K]>;
/** The query parameters a client sends to K. */
export type ApiQuery<K extends EndpointKey> = QueryIn<Endpoints[K]>;
export type ApiParsedQuery<K extends EndpointKey> = QueryOut<Endpoints[K]>;
/** The path parameters of K: "GET /api/documents/:id" -> {id: string}. */
export type ApiParams<K extends EndpointKey> = PathParams<PathOf<K>>;

/** Routes by method, for clients: GET ones are cached by URL, the others are actions. */
export type GetKey = Extract<EndpointKey, `GET ${string}`>;
export type ActionKey = Exclude<EndpointKey, GetKey>;
