import "server-only";
import { keepAliveFetch } from "../teacher";
import { teacherForProvider } from "../teacher";
import type { Teacher } from "../teacher";
import type { RunSettings } from "./kind";

type TeacherSettings = NonNullable<RunSettings["teacher"]>;

/** Builds the client for a job's frozen teacher (endpoint and model as launched). */
export type TeacherFactory = (
  provider: TeacherSettings["provider"],
  settings: TeacherSettings,
) => Promise<Teacher>;

// Clients are rebuilt now and then so an API key changed on the Teachers page is picked up.
const TTL_MS = 30_000;

export const frozenTeacher: TeacherFactory = (provider, settings) =>
  teacherForProvider(provider.id, {
    kind: provider.kind,
    baseUrl: provider.baseUrl,
    model: provider.model,
    timeoutMs: settings.timeoutMs,
    fetch: keepAliveFetch,
  });

/**
 * Teachers per (frozen provider, timeout), built once and reused by every item of every job. The
 * timeout is the client's default; a kind's requests may carry their own (generation's do).
 */
export function createTeacherCache(factory: TeacherFactory) {
  const cache = new Map<string, { teacher: Teacher; providerId: string; at: number }>();
  return {
    async get(settings: TeacherSettings): Promise<Teacher | { error: unknown }> {
      const key = JSON.stringify([settings.provider, settings.timeoutMs]);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.teacher;
      try {
        const teacher = await factory(settings.provider, settings);
        cache.set(key, { teacher, providerId: settings.provider.id, at: Date.now() });
        return teacher;
      } catch (error) {
        return { error };
      }
    },
    /** After an outage pause: the next attempt builds a fresh client (a fixed key, say). */
    forget(providerId: string): void {
      for (const [key, entry] of cache) if (entry.providerId === providerId) cache.delete(key);
    },
  };
}
