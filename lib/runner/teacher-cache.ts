import "server-only";
import { keepAliveFetch } from "../teacher";
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

export const frozenTeacher: TeacherFactory = async (provider, settings) => {
  // Loaded when first needed: the provider SDKs weigh tens of MB in a worker that never calls one.
  const { teacherForProvider } = await import("../teacher");
  return teacherForProvider(provider.id, {
    kind: provider.kind,
    baseUrl: provider.baseUrl,
    model: provider.model,
    timeoutMs: settings.timeoutMs,
    fetch: keepAliveFetch,
  });
};

/** Every request of the job carries its per-request deadline unless it set one itself. */
function withTimeout(teacher: Teacher, timeoutMs: number): Teacher {
  return { complete: (request) => teacher.complete(request.timeoutMs ? request : { ...request, timeoutMs }) };
}

/** Teachers per (frozen provider, timeout), built once and reused by every item of every job. */
export function createTeacherCache(factory: TeacherFactory) {
  const cache = new Map<string, { teacher: Teacher; providerId: string; at: number }>();
  return {
    async get(settings: TeacherSettings): Promise<Teacher | { error: unknown }> {
      const key = JSON.stringify([settings.provider, settings.timeoutMs]);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.teacher;
      try {
        const teacher = withTimeout(await factory(settings.provider, settings), settings.timeoutMs);
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
