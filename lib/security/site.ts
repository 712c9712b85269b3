import { env } from "../env";
import { originPolicy, type OriginPolicy } from "./origins";

let cached: { key: string; policy: OriginPolicy } | undefined;

/** This server's origin policy, from TRACEBANK_PUBLIC_URL and PORT (decided once per setting). */
export function sitePolicy(): OriginPolicy {
  const { TRACEBANK_PUBLIC_URL: publicUrl, PORT: port } = env();
  const key = `${publicUrl ?? ""} ${port}`;
  if (cached?.key !== key) cached = { key, policy: originPolicy({ publicUrl, port }) };
  return cached.policy;
}

/** Secure cookies follow an https public URL unless TRACEBANK_SECURE_COOKIES says otherwise. */
export function secureCookies(): boolean {
  return env().TRACEBANK_SECURE_COOKIES ?? sitePolicy().https;
}
