/** How a column's values are bound: one per Prisma scalar type the schema uses. */
export type ColumnType = "text" | "int" | "float" | "bool" | "json" | "date" | "bigint";

/**
 * Per statement, on both databases: by rows, and by characters of its one JSON parameter, which is
 * one byte per character (latin1Json below) and stays near V8's large-object size, so it (and
 * Prisma's copies of it) dies young; it never crosses the limit unless a single row does.
 */
export const INSERT_LIMITS = { rows: 1_000, chars: 120_000 } as const;

/** A table spec made ready once: column order, how to bind each, SQL that does not vary. */
export type Compiled = {
  names: string[];
  types: ColumnType[];
  defaults: Array<(() => unknown) | undefined>;
  /** `"Table" ("a", "b", ...)` */
  target: string;
  /** Statements by dialect and which columns travel per row. */
  sql: Map<string, string>;
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
    sql: new Map(),
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

const PG_TYPES: Record<ColumnType, string> = {
  text: "text",
  int: "integer",
  float: "double precision",
  bool: "boolean",
  json: "jsonb",
  date: "timestamp(3)",
  bigint: "bigint",
};

export type Dialect = "sqlite" | "postgres";

/** One call's plan: columns equal in every row travel once, as their own parameter. */
export type JsonPlan = { sql: string; perRow: number[]; shared: Array<string | null>; dialect: Dialect };

/**
 * Finds the columns whose value is the same in every row (a set id, a file name, one timestamp)
 * and builds the statement around them: the rest of each row is an array in one JSON parameter,
 * expanded by the database (jsonb_array_elements, json_each) and cast per column. PostgreSQL
 * parses that far faster than thousands of bound values; on SQLite it is as fast, and a chunk is
 * one string instead of thousands of bound values (and the driver's copies of them), which keeps
 * a big write (a million planned items) from piling up garbage.
 */
export function jsonPlan(table: Compiled, rows: Rows, conflict: string, dialect: Dialect): JsonPlan {
  const { types } = table;
  const perRow: number[] = [];
  const shared: Array<string | null> = [];
  const select: string[] = [];
  for (let i = 0; i < types.length; i++) {
    const value = sharedValue(table, rows, i, dialect);
    if (value === undefined) {
      select.push(
        dialect === "postgres"
          ? pgElement(types[i]!, perRow.length)
          : sqliteElement(types[i]!, perRow.length),
      );
      perRow.push(i);
    } else {
      shared.push(value);
      select.push(dialect === "postgres" ? `CAST($${shared.length + 1} AS ${PG_TYPES[types[i]!]})` : "?");
    }
  }
  const key = `${dialect}:${perRow.join(",")}${conflict}`;
  let sql = table.sql.get(key);
  if (!sql) {
    sql = `INSERT INTO ${table.target} SELECT ${select.join(", ")} FROM ${source(dialect)}${conflict}`;
    table.sql.set(key, sql);
  }
  return { sql, perRow, shared, dialect };
}

// r->i of a JSON null is the jsonb 'null', not SQL NULL.
function pgElement(type: ColumnType, index: number): string {
  if (type === "text") return `r->>${index}`;
  if (type === "json") return `NULLIF(r->${index}, 'null'::jsonb)`;
  return `(r->>${index})::${PG_TYPES[type]}`;
}

// SQLite keeps JSON columns as their text (->: the element's JSON), the rest as ->> gives them
// (JSON true/false come out as 1/0, as SQLite stores booleans).
function sqliteElement(type: ColumnType, index: number): string {
  if (type === "json") return `NULLIF(value -> ${index}, 'null')`;
  return `value ->> ${index}`;
}

/** Column i's value as parameter text when every row has it (null: all NULL); undefined when rows differ. */
function sharedValue(table: Compiled, rows: Rows, i: number, dialect: Dialect): string | null | undefined {
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
  return paramText(table.types[i]!, first, dialect);
}

/** A value as the text of a statement's parameter (dates, booleans and JSON as each database takes them). */
export function paramText(type: ColumnType, value: unknown, dialect: Dialect): string | null {
  if (value === null || value === undefined) return null;
  if (type === "date") return dateText(dialect)(toDate(value));
  if (type === "json") return JSON.stringify(value);
  if (type === "bool" && dialect === "sqlite") return value ? "1" : "0";
  return String(value);
}

/**
 * The statement for rows already encoded as JSON arrays whose elements are the `perRow` columns in
 * that order (an import's prepared file holds them so), with `shared` columns sent once each; the
 * other columns take their database defaults. Parameters: `params(json)`.
 */
export function encodedPlan(
  table: Compiled,
  perRow: readonly string[],
  shared: Array<[string, unknown]>,
  conflict: string,
  dialect: Dialect,
): { sql: string; params: (json: string) => unknown[] } {
  const type = (name: string) => {
    const i = table.names.indexOf(name);
    if (i < 0) throw new Error(`${table.target}: no column ${name}`);
    return table.types[i]!;
  };
  const select = perRow.map((name, i) =>
    dialect === "postgres" ? pgElement(type(name), i) : sqliteElement(type(name), i),
  );
  shared.forEach(([name], i) =>
    select.push(dialect === "postgres" ? `CAST($${i + 2} AS ${PG_TYPES[type(name)]})` : "?"),
  );
  const columns = [...perRow, ...shared.map(([name]) => name)].map((n) => `"${n}"`).join(", ");
  const into = table.target.slice(0, table.target.indexOf(" ("));
  const sql = `INSERT INTO ${into} (${columns}) SELECT ${select.join(", ")} FROM ${source(dialect)}${conflict}`;
  const values = shared.map(([name, value]) => paramText(type(name), value, dialect));
  return { sql, params: (json) => (dialect === "postgres" ? [json, ...values] : [...values, json]) };
}

// SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT (else it reads ON as a join's).
const source = (dialect: Dialect) =>
  dialect === "postgres" ? "jsonb_array_elements($1::jsonb) AS r" : "json_each(?) WHERE true";

/** PostgreSQL casts ISO text; SQLite compares DateTime as text in the format Prisma's adapter writes. */
const dateText = (dialect: Dialect) =>
  dialect === "postgres" ? (d: Date) => d.toISOString() : (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * The statements for `rows`, each built when asked for. A statement's JSON stays under the
 * character limit: a row that would cross it opens the next statement (only a single row larger
 * than the limit makes one larger).
 */
export function* jsonStatements(table: Compiled, plan: JsonPlan, rows: Rows): Generator<Statement> {
  const { perRow } = plan;
  const { types } = table;
  const { rows: maxRows, chars: maxChars } = INSERT_LIMITS;
  const date = dateFormatter(dateText(plan.dialect));
  const tuple = new Array<unknown>(perRow.length);
  let json = "";
  let count = 0;
  // PostgreSQL numbers its parameters (the JSON is $1); SQLite's come in the order they appear.
  const statement = () => ({
    sql: plan.sql,
    params: plan.dialect === "postgres" ? [`[${json}]`, ...plan.shared] : [...plan.shared, `[${json}]`],
  });
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
