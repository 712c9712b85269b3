/**
 * Which Host and Origin values the server answers, from one setting (TRACEBANK_PUBLIC_URL) and
 * the served port. Plain functions over header values, so the proxy, the route wrapper and the
 * action client apply the same rules and tests need no server.
 */

export type OriginPolicy = {
  /** Origins a write may come from, normalised by the URL parser ("http://127.0.0.1:3000"). */
  origins: readonly string[];
  /** Host header values the server answers, normalised ("127.0.0.1:3000", "tracebank.example.org"). */
  hosts: readonly string[];
  /** X-Forwarded-Host is only read behind a public URL (a reverse proxy); otherwise ignored. */
  trustForwardedHost: boolean;
  /** The public URL, or the loopback address on the served port. */
  baseUrl: string;
  https: boolean;
};

export type Refusal = { status: 403; message: string };

type HeaderSource = { get(name: string): string | null };

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"] as const;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Unset public URL: only the loopback names on the served port (a page on another local port is
 * another origin, and a rebound DNS name is another host). Set: its origin, plus the loopback names
 * on the served port, so an admin on the machine (or an SSH tunnel) still reaches the server.
 */
export function originPolicy(settings: { publicUrl?: string; port: number }): OriginPolicy {
  const loopback = LOOPBACK_NAMES.map((name) => new URL(`http://${name}:${settings.port}`));
  const publicUrl = settings.publicUrl ? new URL(settings.publicUrl) : null;
  const urls = publicUrl ? [publicUrl, ...loopback] : loopback;
  return {
    origins: unique(urls.map((url) => url.origin)),
    hosts: unique(urls.map((url) => url.host)),
    trustForwardedHost: publicUrl !== null,
    baseUrl: publicUrl?.origin ?? new URL(`http://127.0.0.1:${settings.port}`).origin,
    https: publicUrl?.protocol === "https:",
  };
}

/** Null when the request may go on; otherwise why it is refused. */
export function checkRequest(
  policy: OriginPolicy,
  request: { method: string; headers: HeaderSource },
): Refusal | null {
  const hostRefusal = checkHost(policy, request.headers);
  if (hostRefusal) return hostRefusal;
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  return checkOrigin(policy, request.headers);
}

/** The host the browser addressed: X-Forwarded-Host's first entry behind a public URL, else Host. */
function addressedHost(policy: OriginPolicy, headers: HeaderSource): string | null {
  const forwarded = policy.trustForwardedHost ? headers.get("x-forwarded-host") : null;
  const first = forwarded?.split(",")[0]?.trim();
  return normaliseHost(first ?? headers.get("host"));
}

/** Every request: the Host (and, behind a public URL, each X-Forwarded-Host) must be ours. */
export function checkHost(policy: OriginPolicy, headers: HeaderSource): Refusal | null {
  const host = normaliseHost(headers.get("host"));
  if (!host || !policy.hosts.includes(host)) return refuse("this server does not answer to that Host");
  const forwarded = headers.get("x-forwarded-host");
  if (policy.trustForwardedHost && forwarded !== null) {
    const values = forwarded.split(",").map((value) => normaliseHost(value.trim()));
    if (values.some((value) => !value || !policy.hosts.includes(value)))
      return refuse("this server does not answer to that X-Forwarded-Host");
  }
  return null;
}

/**
 * Writes: the Origin must be allowed and name the host the request was sent to (what Next's own
 * Server Action check compares; a reverse proxy that rewrites Host without X-Forwarded-Host fails
 * here, with a message that says so, rather than deep inside Next).
 *
 * Browsers send Origin on every cross-origin POST (and on same-origin ones too, today), so a write
 * without one comes from a non-browser client, which carries no victim's cookies; unless
 * Sec-Fetch-Site, which only browsers send, says it came from another site. "null" (sandboxed
 * frames, file: pages, some redirects) is refused.
 */
export function checkOrigin(policy: OriginPolicy, headers: HeaderSource): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) {
    const site = headers.get("sec-fetch-site");
    if (site === null || site === "same-origin" || site === "none") return null;
    return refuse("a write from another site needs an allowed Origin");
  }
  const normalised = normaliseOrigin(origin);
  if (!normalised || !policy.origins.includes(normalised))
    return refuse("writes are accepted only from this server's own pages (Origin not allowed)");
  if (new URL(normalised).host !== addressedHost(policy, headers))
    return refuse(
      "the Origin does not match the Host the request was sent to (a reverse proxy must pass Host or X-Forwarded-Host)",
    );
  return null;
}

/** "Example.org:443" stays as given; the URL parser lowercases and drops default ports per scheme. */
export function normaliseHost(value: string | null): string | null {
  // Letters, digits, dots, dashes, brackets and colons only: "a@b", "a/b" or spaces never pass.
  if (!value || !/^[A-Za-z0-9.\-[\]:]+$/.test(value)) return null;
  try {
    return new URL(`http://${value}`).host;
  } catch {
    return null;
  }
}

function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.origin === "null" || url.pathname !== "/" || url.search || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}

function refuse(reason: string): Refusal {
  return { status: 403, message: `Refused: ${reason}. Set TRACEBANK_PUBLIC_URL to the address people open.` };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
