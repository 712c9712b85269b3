// Small helpers shared by the bank's queries and mutations.

/** Tags are stored as JSON; anything that is not a string array reads as no tags. */
export function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

/**
 * Code-point order, the same on SQLite and PostgreSQL (their collations differ), so a job
 * sampling "by name" order draws the same plan from the same seed on either database.
 */
export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
