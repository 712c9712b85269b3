// Where a teacher is reached, read one strict way by the form, the save and every call. Pure and
// free of server code: the teacher form compares what is typed with what is saved through it.
// (The kinds are spelled out, not imported from schemas.ts, which imports this file.)
type ProviderKind = "openai" | "anthropic";

/** Where the SDKs send a request when a teacher has no base URL. */
export const DEFAULT_BASE_URLS: Record<ProviderKind, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
};

export const BASE_URL_MESSAGES = {
  notHttp: "The base URL must be an http:// or https:// URL, e.g. http://localhost:8000/v1.",
  credentials:
    "The base URL cannot contain a user name or password (user:password@): put the key in the API key field.",
  query:
    "The base URL cannot contain a query string (?...): the client adds paths such as /chat/completions after it.",
  fragment: "The base URL cannot contain a fragment (#...).",
} as const;

/** Why saving a new endpoint needs the key again; the form says it beside the key field too. */
export const KEY_STAYS_WITH_ENDPOINT =
  "The stored API key is only sent to the base URL and kind it was saved with. You changed them: " +
  'type the key for the new endpoint, or tick "Remove the stored key".';

export type BaseUrlReading = { ok: true; url: string } | { ok: false; message: string };

/**
 * A base URL read strictly: http(s) with a host, no credentials, no query string, no fragment
 * (the SDKs append their paths, so `…/delete?x=` would turn `/chat/completions` into a query).
 * The result is the URL's normal form (lower-case host, default port dropped, dot segments
 * resolved) without trailing slashes, so two spellings of one endpoint compare equal.
 */
export function readBaseUrl(value: string): BaseUrlReading {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: BASE_URL_MESSAGES.notHttp };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname)
    return { ok: false, message: BASE_URL_MESSAGES.notHttp };
  // Also an empty "@" before the host, which leaves username and password empty.
  if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(text))
    return { ok: false, message: BASE_URL_MESSAGES.credentials };
  // The raw text, not url.search: a bare "?" or "#" parses to an empty search or hash.
  if (text.includes("?")) return { ok: false, message: BASE_URL_MESSAGES.query };
  if (text.includes("#")) return { ok: false, message: BASE_URL_MESSAGES.fragment };
  return { ok: true, url: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}` };
}

/** The normal form of a saved or typed base URL (null: the SDK default); unreadable text as it is. */
export function normalBaseUrl(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  const read = readBaseUrl(value);
  return read.ok ? read.url : value.trim();
}

/** Whether two (kind, base URL) pairs name the same endpoint. */
export function sameEndpoint(
  a: { kind: ProviderKind; baseUrl?: string | null },
  b: { kind: ProviderKind; baseUrl?: string | null },
): boolean {
  return a.kind === b.kind && normalBaseUrl(a.baseUrl) === normalBaseUrl(b.baseUrl);
}
