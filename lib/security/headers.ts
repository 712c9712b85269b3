/**
 * The security headers every response carries (set by proxy.ts). Constant ones are also in
 * next.config.ts's headers() (STATIC_SECURITY_HEADERS), for anything the proxy might not see.
 */

/** Headers that depend on nothing: the same for every response, at build time and at run time. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  // Not "no-referrer": under it browsers send `Origin: null` on same-origin POSTs, which the
  // origin check (and Next's own Server Action check) must refuse. "same-origin" sends nothing
  // to other sites and keeps Origin on our own writes.
  "Referrer-Policy": "same-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Scripts run only with this response's nonce (Next puts it on its own scripts, and 'strict-dynamic'
 * extends it to the chunks they load). Styles: the stylesheet and nonced <style>; `style` attributes
 * (progress bars' widths) are allowed through style-src-attr only, since they cannot run script.
 * Development adds what React's dev tooling needs (eval for server stacks, injected <style>).
 */
export function contentSecurityPolicy(options: { nonce: string; https: boolean; dev: boolean }): string {
  const { nonce, https, dev } = options;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on plain http it would turn same-origin requests into failing https ones.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export type SecurityHeaders = Record<string, string> & { "Content-Security-Policy": string };

/** All security headers for one response. */
export function securityHeaders(options: { nonce: string; https: boolean; dev: boolean }): SecurityHeaders {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(options),
    // HSTS over plain http would be ignored at best; never send it there.
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** 128 random bits, base64: a fresh one per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Buffer.from(bytes).toString("base64");
}
