// Imports a prompt file from the command line, through the same code as the upload route:
//   node --conditions=react-server --import tsx scripts/import-prompts.ts <file> --set "Name"
//        [--mode all-or-nothing|skip-invalid] [--format auto|jsonl|csv|json]
// The set is created when no set has that name. Uses DATABASE_URL like the server.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { db, disconnectDb } from "../lib/db/client";
import { DomainError } from "../lib/errors";
import { importPrompts } from "../lib/prompts/import-prompts";
import { createPromptSet } from "../lib/prompts/mutations";
import { ImportQuerySchema } from "../lib/prompts/schemas";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { set: { type: "string" }, mode: { type: "string" }, format: { type: "string" } },
});
const file = positionals[0];
if (!file || !values.set) {
  console.error('usage: scripts/import-prompts.ts <file> --set "Name" [--mode skip-invalid] [--format csv]');
  process.exit(2);
}

try {
  const options = ImportQuerySchema.parse({
    fileName: basename(file),
    mode: values.mode,
    format: values.format,
  });
  const existing = await db().promptSet.findUnique({
    where: { name: values.set.trim() },
    select: { id: true },
  });
  const set = existing ?? (await createPromptSet({ name: values.set }, null));
  const result = await importPrompts({
    promptSetId: set.id,
    ...options,
    source: createReadStream(file),
    actorId: null,
  });
  console.log(
    `${result.status}: read ${result.rowsRead}, inserted ${result.inserted}, duplicates ${result.duplicates}, invalid ${result.invalid}`,
  );
  for (const error of result.errors) console.log(`  ${error.message}`);
  if (result.errorsTruncated) console.log(`  (only the first ${result.errors.length} problems are listed)`);
  process.exitCode = result.status === "imported" ? 0 : 1;
} catch (error) {
  console.error(error instanceof DomainError ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
