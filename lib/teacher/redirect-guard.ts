const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** What the fetch throws instead of following a redirect; errors.ts names the code for people. */
export class RedirectRefused extends Error {
  constructor(
    readonly code: "TRACEBANK_CROSS_ORIGIN_REDIRECT" | "TRACEBANK_TOO_MANY_REDIRECTS",
    message: string,
  ) {
    super(message);
    this.name = "RedirectRefused";
  }
}

/**
 * `inner` following redirects only within the origin asked for (a proxy in front of a teacher
 * moving /v1 to /api/v1, say). A redirect to another origin is refused: fetch drops
 * Authorization across origins but not Anthropic's x-api-key, and either way the request would
 * leave the saved endpoint (and the host allowlist) behind.
 */
export function sameOriginRedirects(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    if (input instanceof Request || (init?.redirect ?? "follow") !== "follow") return inner(input, init);
    const origin = new URL(String(input)).origin;
    let url = String(input);
    let current: RequestInit = { ...init, redirect: "manual" };
    for (let hop = 0; ; hop++) {
      const response = await inner(url, current);
      const location = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || !location) return response;
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== origin) {
        throw new RedirectRefused(
          "TRACEBANK_CROSS_ORIGIN_REDIRECT",
          `${origin} redirected the request to ${next.origin}`,
        );
      }
      if (hop + 1 >= MAX_REDIRECTS)
        throw new RedirectRefused("TRACEBANK_TOO_MANY_REDIRECTS", `${origin} redirected too many times`);
      url = next.href;
      // As fetch does: 303 (and 301/302 after a POST) continue as a GET without the body.
      const method = (current.method ?? "GET").toUpperCase();
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === "POST")
      ) {
        current = { ...current, method: "GET", body: undefined };
      }
    }
  };
}
