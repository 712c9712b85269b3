// The db domain's public surface: other domains import from here only.
export { db, type Db, dbKind, disconnectDb, Prisma, type Tx } from "./client";
export { cuid } from "./cuid";
export {
  type ColumnType,
  defineTable,
  encodedInsert,
  type InsertClient,
  insertRows,
  type NewRow,
} from "./insert-rows";
export { unindexed } from "./unindexed";
export { dateFromRaw, jsonFromRaw, jsonParam } from "./raw-values";
export { applyMigrations } from "./migrations";
export { type Provider } from "./generated/sqlite/client";
