import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { checkRequest, newNonce, securityHeaders, sitePolicy } from "./lib/security";

/**
 * Runs before every request (no matcher: pages, Server Actions, route handlers, static files):
 * refuses a Host that is not ours (DNS rebinding) and writes from another Origin (CSRF), and
 * gives every response the security headers with a fresh CSP nonce. Next reads the nonce from the
 * request's Content-Security-Policy header and puts it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const policy = sitePolicy();
  const headers = securityHeaders({
    nonce: newNonce(),
    https: policy.https,
    dev: env().NODE_ENV === "development",
  });
  const refusal = checkRequest(policy, request);
  if (refusal) {
    return NextResponse.json(
      { error: refusal.message },
      { status: refusal.status, headers: { ...headers, "cache-control": "no-store" } },
    );
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
