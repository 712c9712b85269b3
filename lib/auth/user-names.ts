import { db } from "../db";
import { RULES_ACTOR_ID } from "../quality/schemas";

// Actors that are not people: their decisions and flags carry these names.
const SYSTEM_ACTORS = new Map([[RULES_ACTOR_ID, "Quality rules"]]);

/** Display names by user id, for the "who did this" of versions, imports and decisions; null ids are skipped. */
export async function userNames(ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id): id is string => id !== null);
  const names = new Map(
    wanted.filter((id) => SYSTEM_ACTORS.has(id)).map((id) => [id, SYSTEM_ACTORS.get(id)!]),
  );
  const people = wanted.filter((id) => !SYSTEM_ACTORS.has(id));
  if (!people.length) return names;
  const users = await db().user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } });
  for (const u of users) names.set(u.id, u.name);
  return names;
}
