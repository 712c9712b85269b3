import { seedBank } from "../bank";
import { applyMigrations } from "../db";
import { env } from "../env";
import { logInfo } from "../log";
import { seedDemoPromptSet } from "../prompts";

/** Brings the database to the current schema and seeds a new install. Safe to run repeatedly. */
export async function prepareDatabase(): Promise<void> {
  const applied = await applyMigrations(env().DATABASE_URL);
  if (applied.length) logInfo(`applied migrations: ${applied.join(", ")}`);
  const bank = await seedBank();
  if (bank.created) logInfo(`seeded the system-message bank with ${bank.created} messages`);
  if (env().TRACEBANK_SEED_DEMO) {
    const demo = await seedDemoPromptSet();
    if (demo.created) logInfo(`seeded the demo prompt set (${demo.created} GSM8K train questions)`);
  }
}
