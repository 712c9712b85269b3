/** How much of what a remote server said goes into a message we store and show. */
export const REMOTE_TEXT_MAX = 200;

// Things that look like credentials: bearer tokens, sk-/pk-/rk- style keys, and long unbroken
// runs of token characters (model names and paths are broken up by dots or slashes).
const KEY_LIKE = [
  /\b(Bearer|Basic)\s+[^\s"',;]+/gi,
  /\b(sk|pk|rk)[-_][A-Za-z0-9_-]{8,}/g,
  /[A-Za-z0-9_+=-]{40,}/g,
];
// Control and invisible formatting characters (bidi overrides, zero-width), which can make a
// message read differently from what it holds.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Text a remote server sent (an error message, an error type), made safe to store and show: no
 * markup, no control characters, no secrets (`secrets` exactly, and anything key-like), on one
 * line, at most `max` characters. An HTML error page comes out as its visible words, cut short.
 */
export function remoteText(
  text: string,
  { max = REMOTE_TEXT_MAX, secrets = [] }: { max?: number; secrets?: (string | null | undefined)[] } = {},
): string {
  let clean = text;
  for (const secret of secrets)
    if (secret && secret.length >= 4) clean = clean.split(secret).join("[redacted]");
  clean = clean
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, " ")
    .replace(/<!--[\s\S]*?(-->|$)/g, " ")
    .replace(/<\/?[a-zA-Z!?][^>]*(>|$)/g, " ")
    .replace(INVISIBLE, " ");
  for (const pattern of KEY_LIKE) clean = clean.replace(pattern, (m, scheme) => redacted(m, scheme));
  clean = clean.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max).trimEnd()}...` : clean;
}

const redacted = (_match: string, scheme: unknown) =>
  typeof scheme === "string" && /^(bearer|basic)$/i.test(scheme) ? `${scheme} [redacted]` : "[redacted]";
