export const SNAPSHOT_PATH: string;
export function schemaFor(kind: "sqlite" | "postgres", source: string): string;
