/** The one order of a trace's edits: newest first; edit times strictly increase (edit.ts), id breaks any tie. */
export const newestEditFirst = () => [{ createdAt: "desc" as const }, { id: "desc" as const }];
