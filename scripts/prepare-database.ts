// Migrates and seeds the database named by DATABASE_URL (default: SQLite under data/).
import { disconnectDb } from "../lib/db/client";
import { prepareDatabase } from "../lib/server/prepare-database";

await prepareDatabase();
await disconnectDb();
