/** How a column's values are bound: one per Prisma scalar type the schema uses. */
export type ColumnType = "text" | "int" | "float" | "bool" | "json" | "date" | "bigint";

/**
 * Per statement: by rows, and by characters so its parameters (and Prisma's copies of them) stay
 * under V8's large-object size (128 KiB) and die young (see lib/prompts/insert-prompts.ts). SQLite's
 * bound values can be two bytes per character and it binds at most 32,766 values; PostgreSQL's one
 * JSON parameter is one byte per character (latin1Json below) and never crosses the limit unless a
 * single row does: 120,000 matches the statements insert-prompts sends (fewer round trips).
 */
export const INSERT_LIMITS = {
  sqlite: { rows: 500, chars: 24_000, values: 32_766 },
  postgres: { rows: 1_000, chars: 120_000 },
} as const;

/** A table spec made ready once: column order, how to bind each, SQL that does not vary. */
export type Compiled = {
  names: string[];
  types: ColumnType[];
  defaults: Array<(() => unknown) | undefined>;
  /** `"Table" ("a", "b", ...)` */
  target: string;
  maxSqliteRows: number;
  sqliteTuple: string;
  lastTuples: { count: number; text: string };
  postgresSql: Map<string, string>;
};

export type Statement = { sql: string; params: unknown[] };
type Rows = ReadonlyArray<Record<string, unknown>>;

export function compileTable(table: string, columns: object, defaults: object): Compiled {
  const names = Object.keys(columns);
  const types = names.map((name) => (columns as Record<string, ColumnType>)[name]!);
  return {
    names,
    types,
    defaults: names.map((name) => (defaults as Record<string, (() => unknown) | undefined>)[name]),
    target: `"${table}" (${names.map((n) => `"${n}"`).join(", ")})`,
    maxSqliteRows: Math.min(
      INSERT_LIMITS.sqlite.rows,
      Math.floor(INSERT_LIMITS.sqlite.values / names.length),
    ),
    sqliteTuple: `(${names.map(() => "?").join(", ")})`,
    lastTuples: { count: 0, text: "" },
    postgresSql: new Map(),
  };
}

/** A row's value for column i: given, else the spec's default, else NULL. */
const valueOf = (table: Compiled, row: Record<string, unknown>, i: number): unknown => {
  const value = row[table.names[i]!];
  if (value !== undefined) return value;
  const fill = table.defaults[i];
  return fill ? fill() : null;
};

const toDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string));

/** Formats dates, reusing the last text for the same instant (rows often share one timestamp). */
function dateFormatter(format: (date: Date) => string): (value: unknown) => string {
  let time = NaN;
  let text = "";
  return (value) => {
    const date = toDate(value);
    if (date.getTime() !== time) [time, text] = [date.getTime(), format(date)];
    return text;
  };
}

/**
 * SQLite: VALUES tuples of bound values (faster there than its JSON functions), DateTime as text
 * in the format Prisma's SQLite adapter writes (text comparisons must order it), booleans 0/1.
 */
export function* sqliteStatements(table: Compiled, rows: Rows, conflict: string): Generator<Statement> {
  const { types } = table;
  const width = types.length;
  const date = dateFormatter((d) => d.toISOString().replace("Z", "+00:00"));
  let params: unknown[] = [];
  let chars = 0;
  let count = 0;
  for (const row of rows) {
    for (let i = 0; i < width; i++) {
      let value = valueOf(table, row, i);
      if (value !== null) {
        const type = types[i]!;
        if (type === "bool") value = value ? 1 : 0;
        else if (type === "json") value = JSON.stringify(value);
        else if (type === "date") value = date(value);
        if (typeof value === "string") chars += value.length;
      }
      params.push(value);
    }
    if (++count === table.maxSqliteRows || chars >= INSERT_LIMITS.sqlite.chars) {
      yield sqliteInsert(table, params, count, conflict);
      [params, chars, count] = [[], 0, 0];
    }
  }
  if (count > 0) yield sqliteInsert(table, params, count, conflict);
}

function sqliteInsert(table: Compiled, params: unknown[], count: number, conflict: string): Statement {
  if (table.lastTuples.count !== count) {
    table.lastTuples = { count, text: new Array<string>(count).fill(table.sqliteTuple).join(", ") };
  }
  return { sql: `INSERT INTO ${table.target} VALUES ${table.lastTuples.text}${conflict}`, params };
}

const PG_TYPES: Record<ColumnType, string> = {
  text: "text",
  int: "integer",
  float: "double precision",
  bool: "boolean",
  json: "jsonb",
  date: "timestamp(3)",
  bigint: "bigint",
};

/** PostgreSQL's plan for one call: columns equal in every row travel once, as their own parameter. */
export type PostgresPlan = { sql: string; perRow: number[]; shared: Array<string | null> };

/**
 * Finds the columns whose value is the same in every row (a set id, a file name, one timestamp)
 * and builds the statement around them: the rest of each row is an array in one JSON parameter,
 * expanded by jsonb_array_elements and cast per column, which PostgreSQL parses far faster than
 * thousands of bound values.
 */
export function postgresPlan(table: Compiled, rows: Rows, conflict: string): PostgresPlan {
  const { types } = table;
  const perRow: number[] = [];
  const shared: Array<string | null> = [];
  const select: string[] = [];
  for (let i = 0; i < types.length; i++) {
    const value = sharedValue(table, rows, i);
    if (value === undefined) {
      select.push(castElement(types[i]!, perRow.length));
      perRow.push(i);
    } else {
      shared.push(value);
      select.push(`CAST($${shared.length + 1} AS ${PG_TYPES[types[i]!]})`);
    }
  }
  const key = `${perRow.join(",")}${conflict}`;
  let sql = table.postgresSql.get(key);
  if (!sql) {
    sql = `INSERT INTO ${table.target} SELECT ${select.join(", ")} FROM jsonb_array_elements($1::jsonb) AS r${conflict}`;
    table.postgresSql.set(key, sql);
  }
  return { sql, perRow, shared };
}

// r->i of a JSON null is the jsonb 'null', not SQL NULL.
function castElement(type: ColumnType, index: number): string {
  if (type === "text") return `r->>${index}`;
  if (type === "json") return `NULLIF(r->${index}, 'null'::jsonb)`;
  return `(r->>${index})::${PG_TYPES[type]}`;
}

/** Column i's value as parameter text when every row has it (null: all NULL); undefined when rows differ. */
function sharedValue(table: Compiled, rows: Rows, i: number): string | null | undefined {
  const name = table.names[i]!;
  const defaulted = table.defaults[i] !== undefined;
  const first = rows[0]![name] ?? (defaulted ? undefined : null);
  if (first === undefined || (first !== null && typeof first === "object" && !(first instanceof Date))) {
    return undefined; // a default per row, or a JSON object
  }
  const time = first instanceof Date ? first.getTime() : NaN;
  for (let r = 1; r < rows.length; r++) {
    const value = rows[r]![name] ?? (defaulted ? undefined : null);
    if (value instanceof Date ? value.getTime() !== time : value !== first) return undefined;
  }
  if (first === null) return null;
  const type = table.types[i]!;
  if (type === "date") return toDate(first).toISOString();
  if (type === "json") return JSON.stringify(first);
  return String(first);
}

/**
 * The statements for `rows`, each built when asked for. A statement's JSON stays under the
 * character limit: a row that would cross it opens the next statement (only a single row larger
 * than the limit makes one larger).
 */
export function* postgresStatements(table: Compiled, plan: PostgresPlan, rows: Rows): Generator<Statement> {
  const { perRow } = plan;
  const { types } = table;
  const { rows: maxRows, chars: maxChars } = INSERT_LIMITS.postgres;
  const date = dateFormatter((d) => d.toISOString());
  const tuple = new Array<unknown>(perRow.length);
  let json = "";
  let count = 0;
  const statement = () => ({ sql: plan.sql, params: [`[${json}]`, ...plan.shared] });
  for (const row of rows) {
    for (let j = 0; j < perRow.length; j++) {
      const i = perRow[j]!;
      let value = valueOf(table, row, i);
      if (value !== null) {
        if (types[i] === "date") value = date(value);
        else if (types[i] === "bigint") value = String(value);
      }
      tuple[j] = value;
    }
    const element = latin1Json(tuple);
    if (count > 0 && (count === maxRows || json.length + element.length + 3 > maxChars)) {
      yield statement();
      [json, count] = ["", 0];
    }
    json = count === 0 ? element : `${json},${element}`;
    count++;
  }
  if (count > 0) yield statement();
}

// \u-escaping characters beyond Latin-1 keeps the string at one byte per character, so a chunk
// (and Prisma's copies of it) stays under V8's large-object size and is collected young.
const WIDE = /[\u0100-\uffff]/g;
const escapeWide = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
const latin1Json = (value: unknown) => JSON.stringify(value).replace(WIDE, escapeWide);
