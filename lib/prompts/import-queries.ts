import { userNames } from "../auth";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { importResult, toImportView, type ImportView } from "./import-view";
import { OPEN_IMPORT_STATUSES, type ImportResult } from "./schemas";

/** A set's imports, newest first, running ones with their live progress. */
export async function listImports(promptSetId: string, take = 50): Promise<ImportView[]> {
  const rows = await db().promptImport.findMany({
    where: { promptSetId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  const names = await userNames(rows.map((r) => r.createdById));
  return rows.map((r) => toImportView(r, r.createdById ? (names.get(r.createdById) ?? null) : null));
}

/** A final import's outcome; null while it runs. */
export async function importOutcome(importId: string): Promise<ImportResult | null> {
  const row = await db().promptImport.findUnique({ where: { id: importId } });
  if (!row) throw new NotFoundError("Import", importId);
  return importResult(row);
}

export type RunningImport = { importId: string; fileName: string; status: string; message: string };

/**
 * The import still running into a set, if any: a generation launch must wait for it. Any
 * unfinished one counts, not only one publishing: its prompts carry the import's creation time,
 * so rows it publishes after a launch would fall inside that launch's snapshot of the set.
 */
export async function publishingInto(promptSetId: string): Promise<RunningImport | null> {
  const row = await db().promptImport.findFirst({
    where: { promptSetId, status: { in: [...OPEN_IMPORT_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, status: true },
  });
  if (!row) return null;
  const what = row.status === "publishing" ? "is writing its prompts into this set" : `is ${row.status}`;
  const wait = row.status === "publishing" ? "" : ", or cancel it on the prompt set's page";
  return {
    importId: row.id,
    fileName: row.fileName,
    status: row.status,
    message: `An import of "${row.fileName}" ${what}: launch once it has finished${wait}.`,
  };
}
