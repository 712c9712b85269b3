import { env } from "../env";
import { DomainError } from "../errors";

/** The setting's name, for messages that tell an admin what to change. */
export const TEACHER_HOSTS_SETTING = "TRACEBANK_TEACHER_HOSTS";

/** One allowed host: exactly `host`, or any subdomain of it (`*.host`), on any port or on `port`. */
export type HostRule = { host: string; subdomains: boolean; port?: string };

/**
 * Reads the allowlist: comma-separated `host`, `host:port`, `*.domain`, `*.domain:port`,
 * `[v6addr]`, `[v6addr]:port`. Null when unset or blank (every host allowed). A malformed entry
 * throws: a list that cannot be read must not quietly allow everything.
 */
export function parseTeacherHosts(value: string | undefined): HostRule[] | null {
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.length ? entries.map(parseEntry) : null;
}

function parseEntry(entry: string): HostRule {
  const subdomains = entry.startsWith("*.");
  const rest = subdomains ? entry.slice(2) : entry;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(rest);
  const host = match && hostnameOf(match[1]!);
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  if (
    !match ||
    !host ||
    (subdomains && host.startsWith("[")) ||
    (port !== undefined && (port < 1 || port > 65535))
  ) {
    throw new DomainError(
      `${TEACHER_HOSTS_SETTING}: "${entry}" is not a host name; give host names such as ` +
        "api.openai.com, *.example.com or localhost:8000, separated by commas.",
    );
  }
  return { host, subdomains, ...(port !== undefined ? { port: String(port) } : {}) };
}

// The URL parser's reading of a host (lower case, IDN in punycode), or null if it is not one.
function hostnameOf(text: string): string | null {
  if (/[/?#@\s\\*]/.test(text)) return null;
  try {
    const url = new URL(`http://${text}`);
    return url.hostname.replace(/\.$/, "") || null;
  } catch {
    return null;
  }
}

/** Whether the URL's host (and port) is on the list. */
export function hostAllowed(url: URL, rules: HostRule[]): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return rules.some(
    (rule) =>
      (rule.subdomains ? host.endsWith(`.${rule.host}`) : host === rule.host) &&
      (rule.port === undefined || rule.port === port),
  );
}

/** Why the allowlist refuses this teacher URL, or null (allowed, or no allowlist set). */
export function teacherHostProblem(url: string): string | null {
  const rules = parseTeacherHosts(env().TRACEBANK_TEACHER_HOSTS);
  if (!rules) return null;
  const parsed = new URL(url);
  if (hostAllowed(parsed, rules)) return null;
  return (
    `The host ${parsed.host} is not among the teacher hosts this server allows ` +
    `(${TEACHER_HOSTS_SETTING}=${env().TRACEBANK_TEACHER_HOSTS!.trim()}). ` +
    `Use an allowed host, or ask whoever runs Tracebank to add it to ${TEACHER_HOSTS_SETTING}.`
  );
}
