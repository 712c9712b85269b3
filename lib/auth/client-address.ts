/**
 * The address a request came from, for counting failed attempts only. `next start` writes the
 * socket's address into X-Forwarded-For only when the request carries none
 * (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??=
 * socket.remoteAddress`), so the header is all a server action can see, and it is not proof:
 *
 * - Behind a reverse proxy (TRACEBANK_PUBLIC_URL set), the proxy appends the address it saw, so
 *   the last entry is that one whatever the client sent before it.
 * - Served directly, the last entry is the socket's address, unless the client sent the header
 *   itself and so chose its own key. The per-address throttle is then best effort; the
 *   per-account one does not depend on the address at all.
 *
 * For the same reason no request is trusted for coming from loopback.
 */
export function clientAddress(headers: Headers): string {
  const last = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  if (!last) return "unknown";
  const address = last.toLowerCase().slice(0, 64);
  // IPv4 clients of an IPv6 socket appear as ::ffff:a.b.c.d.
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}
