import { DEFAULT_BASE_URLS, readBaseUrl } from "./base-url";
import { teacherHostProblem } from "./host-allowlist";
import type { ProviderKind } from "./schemas";
import { TeacherError } from "./types";

/** The URL a teacher's calls go to: its base URL, or the SDK's default for its kind. */
export function effectiveBaseUrl(kind: ProviderKind, baseUrl: string | null | undefined): string {
  return baseUrl?.trim() || DEFAULT_BASE_URLS[kind];
}

/**
 * Why no call may go to this endpoint, or null: a base URL saved before base URLs were read
 * strictly (a query string, credentials ...), or a host the allowlist does not name.
 */
export function endpointProblem(kind: ProviderKind, baseUrl: string | null | undefined): string | null {
  const url = effectiveBaseUrl(kind, baseUrl);
  const read = readBaseUrl(url);
  if (!read.ok) {
    // Never a password into a message that is stored and shown.
    const bare = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, "$1...@");
    const shown = bare.length > 120 ? `${bare.slice(0, 120)}...` : bare;
    return `The teacher's base URL "${shown}" is refused: ${read.message} Correct it on the Teachers page.`;
  }
  return teacherHostProblem(read.url);
}

/** Throws the reason no call may go to this endpoint (never retried: the settings must change). */
export function assertCallable(kind: ProviderKind, baseUrl: string | null | undefined): void {
  const problem = endpointProblem(kind, baseUrl);
  if (problem) throw new TeacherError(problem, false);
}
