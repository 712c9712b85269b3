import "server-only";
import { teacherForProvider } from "../teacher";
import type { Teacher } from "../teacher/types";
import { keepAliveFetch } from "../teacher/keep-alive-fetch";
import type { JobConfig } from "../generation/schemas";

export type TeacherFactory = (provider: JobConfig["provider"], config: JobConfig) => Promise<Teacher>;

// Clients are rebuilt now and then so an API key changed on the Teachers page is picked up.
const TTL_MS = 30_000;

/** The client for a job's frozen provider (endpoint and model as launched), with its timeout. */
export const frozenTeacher: TeacherFactory = (provider, config) =>
  teacherForProvider(provider.id, {
    kind: provider.kind,
    baseUrl: provider.baseUrl,
    model: provider.model,
    timeoutMs: config.params.timeoutMs,
    fetch: keepAliveFetch,
  });

/** Every request of the job carries its per-request deadline unless it set one itself. */
function withTimeout(teacher: Teacher, timeoutMs: number): Teacher {
  return { complete: (request) => teacher.complete(request.timeoutMs ? request : { ...request, timeoutMs }) };
}

/** Teachers per (provider, timeout), built once and reused by every item of every job. */
export function createTeacherCache(factory: TeacherFactory) {
  const cache = new Map<string, { teacher: Teacher; providerId: string; at: number }>();
  return {
    async get(config: JobConfig): Promise<Teacher | { error: unknown }> {
      const key = JSON.stringify([config.provider, config.params.timeoutMs]);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.teacher;
      try {
        const teacher = withTimeout(await factory(config.provider, config), config.params.timeoutMs);
        cache.set(key, { teacher, providerId: config.provider.id, at: Date.now() });
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
