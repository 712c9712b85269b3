import "server-only";
import { dbKind, type Prisma, type Tx } from "./client";
import { withHeldParam } from "./held-params";
import { compileTable, encodedPlan, jsonPlan, jsonStatements, type Compiled } from "./insert-statements";

export { INSERT_LIMITS, type ColumnType } from "./insert-statements";

/**
 * A row for insertRows from a model's Prisma create input (`Prisma.<Model>UncheckedCreateInput`)
 * and its scalar columns: the same keys, optional exactly where Prisma's are, minus what raw SQL
 * cannot say (DbNull/JsonNull sentinels, dates as strings). A nullable JSON column takes null.
 */
export type NewRow<CreateInput, Column extends keyof CreateInput> = {
  [K in keyof Pick<CreateInput, Column>]: Plain<CreateInput[K]>;
};
type Plain<T> = typeof Prisma.JsonNull extends T
  ? typeof Prisma.DbNull extends T
    ? Exclude<T, Prisma.NullableJsonNullValueInput> | null
    : Exclude<T, Prisma.JsonNullValueInput>
  : Date extends T
    ? Exclude<T, string>
    : T;

/** The column type a TypeScript value type may be bound as (tsc refuses a text column for a number). */
type ColumnTypeOf<T> = [T] extends [boolean]
  ? "bool"
  : [T] extends [Date]
    ? "date"
    : [T] extends [number]
      ? "int" | "float"
      : [T] extends [bigint | number]
        ? "bigint"
        : [T] extends [string]
          ? "text"
          : "json";

/** Optional columns that cannot be NULL: a multi-row INSERT lists every column, so they need a value. */
type Defaulted<Row> = {
  [K in keyof Row]-?: undefined extends Row[K] ? (null extends Row[K] ? never : K) : never;
}[keyof Row];

/**
 * A table as insertRows writes it. `columns` lists every column (derive it with `satisfies
 * Record<Prisma.<Model>ScalarFieldEnum, ColumnType>` so a new column fails tsc); `defaults` mirror
 * the schema's @default for columns a row may leave out. A missing nullable value is NULL.
 */
export type TableSpec<Row> = {
  readonly table: string;
  readonly columns: { readonly [K in keyof Row]-?: ColumnTypeOf<Exclude<Row[K], null | undefined>> };
  readonly defaults: { readonly [K in Defaulted<Row>]: () => Exclude<Row[K], undefined> };
};

/** Identity, for inference: `defineTable<NewTrace>({ table: "Trace", columns, defaults })`. */
export const defineTable = <Row>(spec: TableSpec<Row>): TableSpec<Row> => spec;

export type InsertOptions = {
  /**
   * "ignore": rows that hit a unique constraint are skipped (ON CONFLICT DO NOTHING), not an error.
   * { target, update }: a row whose `target` columns match one stored replaces its `update` columns
   * (an upsert, ON CONFLICT (...) DO UPDATE).
   */
  onConflict?: "ignore" | { target: readonly string[]; update: readonly string[] };
};

/** The statement's ON CONFLICT clause (the statement's source already ends in SQLite's `WHERE true`). */
function conflictClause(option: InsertOptions["onConflict"]): string {
  if (!option) return "";
  if (option === "ignore") return " ON CONFLICT DO NOTHING";
  const quote = (column: string) => `"${column}"`;
  const set = option.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ");
  return ` ON CONFLICT (${option.target.map(quote).join(", ")}) DO UPDATE SET ${set}`;
}

/** A transaction, or the client itself when the chunks need not commit together. */
export type InsertClient = Pick<Tx, "$executeRawUnsafe">;

/**
 * Inserts `rows` with multi-row INSERTs, chunked as INSERT_LIMITS says, and returns how many were
 * inserted (fewer than given only with onConflict "ignore"). Raw SQL, not createMany: Prisma spends
 * about ten times a raw row's cost on each createMany row. Each chunk is built while the previous
 * one runs. Pass a transaction when the chunks must commit together.
 */
export async function insertRows<Row>(
  client: InsertClient,
  spec: TableSpec<Row>,
  rows: readonly Row[],
  options: InsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const table = compile(spec);
  const all = rows as ReadonlyArray<Record<string, unknown>>;
  const conflict = conflictClause(options.onConflict);
  const statements = jsonStatements(table, jsonPlan(table, all, conflict, dbKind()), all);
  let inserted = 0;
  let running: Promise<number> | null = null;
  for (const statement of statements) {
    if (running) inserted += await running;
    running = client.$executeRawUnsafe(statement.sql, ...statement.params);
  }
  return inserted + (await running!);
}

const compiled = new WeakMap<object, Compiled>();

function compile(spec: TableSpec<unknown>): Compiled {
  let table = compiled.get(spec);
  if (!table) {
    table = compileTable(spec.table, spec.columns, spec.defaults);
    compiled.set(spec, table);
  }
  return table;
}

/**
 * For rows already encoded as JSON arrays of the `perRow` columns, in that order, ASCII-escaped
 * (an import writes its prepared rows so, then publishes them with no parse): the statement that
 * inserts a chunk `[row,row,...]`, the `shared` columns sent once each. Run it with run(json): the
 * JSON goes to the driver held (see withHeldParam), never through Prisma's copies and debug log.
 */
export function encodedInsert<Row>(
  spec: TableSpec<Row>,
  layout: { perRow: ReadonlyArray<keyof Row & string>; shared: Partial<Row> },
  options: InsertOptions = {},
): { run: (client: InsertClient, json: string) => Promise<number> } {
  const conflict = conflictClause(options.onConflict);
  const plan = encodedPlan(compile(spec), layout.perRow, Object.entries(layout.shared), conflict, dbKind());
  return {
    run: (client, json) =>
      withHeldParam(json, (key) => client.$executeRawUnsafe(plan.sql, ...plan.params(key))),
  };
}
