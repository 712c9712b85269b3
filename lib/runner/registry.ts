import type { AnyKind } from "./kind";

// One registry per process (kept across dev hot reloads, where modules register again).
const holder = globalThis as unknown as { __tracebankKinds?: Map<string, AnyKind> };
const kinds = (holder.__tracebankKinds ??= new Map());

/**
 * Makes a kind runnable by this process's workers. Registering the same name again replaces it
 * (a reloaded module); a worker skips jobs of kinds it does not know, for a process that does.
 */
export function registerKind<K extends AnyKind>(kind: K): K {
  kinds.set(kind.name, kind);
  return kind;
}

export function kindNamed(name: string): AnyKind | undefined {
  return kinds.get(name);
}

export function registeredKinds(): AnyKind[] {
  return [...kinds.values()];
}
