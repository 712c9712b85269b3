/**
 * A fresh idempotency key for one launch (see LaunchKeySchema). crypto.randomUUID exists only in
 * secure contexts: Tracebank opened over plain http on a LAN address is not one.
 */
export function newLaunchKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
