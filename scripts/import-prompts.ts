// Imports a prompt file from the command line, through the same road as an upload (the file is
// spooled into the data directory, then a prompt-import job validates and publishes it):
//   node --conditions=react-server --import tsx scripts/import-prompts.ts <file> --set "Name"
//        [--mode all-or-nothing|skip-invalid] [--format auto|jsonl|csv|json] [--queue]
// The job runs here and the result is printed; with --queue it is left to the server's worker
// (or `npm run worker`), and its progress shows on the set's page. The set is created when no
// set has that name. Uses DATABASE_URL and TRACEBANK_DATA_DIR like the server.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { db, disconnectDb } from "../lib/db/client";
import { DomainError } from "../lib/errors";
import { importPrompts, receiveImport } from "../lib/prompts";
import { createPromptSet } from "../lib/prompts/mutations";
import { ImportQuerySchema } from "../lib/prompts/schemas";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    set: { type: "string" },
    mode: { type: "string" },
    format: { type: "string" },
    queue: { type: "boolean", default: false },
  },
});
const file = positionals[0];
if (!file || !values.set) {
  console.error(
    'usage: scripts/import-prompts.ts <file> --set "Name" [--mode skip-invalid] [--format csv] [--queue]',
  );
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
  const input = { promptSetId: set.id, ...options, source: createReadStream(file), actorId: null };
  if (values.queue) {
    const started = await receiveImport({ ...input, maxBytes: null });
    console.log(`queued: import ${started.importId} (job ${started.jobId}); a worker will run it`);
  } else {
    const result = await importPrompts(input);
    console.log(
      `${result.status}: read ${result.rowsRead}, inserted ${result.inserted}, duplicates ${result.duplicates}, invalid ${result.invalid}`,
    );
    if (result.error) console.log(`  ${result.error}`);
    for (const error of result.errors) console.log(`  ${error.message}`);
    if (result.errorsTruncated) console.log(`  (only the first ${result.errors.length} problems are listed)`);
    process.exitCode = result.status === "imported" ? 0 : 1;
  }
} catch (error) {
  console.error(error instanceof DomainError ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
