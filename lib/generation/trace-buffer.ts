import "server-only";
import { dbKind, Prisma, type Tx } from "../db/client";
import { cuid } from "../prompts";

type Kind = "text" | "int" | "float" | "bool" | "json" | "date";

// Every scalar column of Trace (tsc fails here when one is added), and how it is bound.
const COLUMNS = {
  id: "text",
  itemId: "text",
  jobId: "text",
  promptId: "text",
  systemMessageVersionId: "text",
  model: "text",
  params: "json",
  content: "text",
  reasoning: "text",
  strategy: "json",
  systemPromptErasable: "bool",
  requestMode: "text",
  finishReason: "text",
  truncated: "bool",
  inputTokens: "int",
  outputTokens: "int",
  reasoningTokens: "int",
  costUsd: "float",
  latencyMs: "int",
  reviewStatus: "text",
  createdAt: "date",
} as const satisfies Record<Prisma.TraceScalarFieldEnum, Kind>;
type Column = keyof typeof COLUMNS;
const NAMES = Object.keys(COLUMNS) as Column[];

// The schema's defaults, for columns a create leaves out (a multi-row INSERT lists every column).
const DEFAULTS: Partial<Record<Column, () => unknown>> = {
  id: cuid,
  createdAt: () => new Date(),
  systemPromptErasable: () => false,
  requestMode: () => "live",
  truncated: () => false,
  reasoningTokens: () => 0,
  costUsd: () => 0,
  reviewStatus: () => "pending",
};

type Row = Record<Column, unknown>;

/**
 * A transaction client whose `trace.create` calls are held back and written together as one
 * multi-row INSERT by flush(), in the same transaction; everything else goes straight through.
 * A Prisma create costs about ten times a row of a multi-row INSERT, and storing is what limits
 * a fast teacher. Creates it cannot express as plain column values (relation writes, selects)
 * go straight through as well.
 */
export function bufferTraceCreates(tx: Tx): { tx: Tx; flush: () => Promise<void> } {
  const rows: Row[] = [];
  const traces = new Proxy(tx.trace, {
    get(target, prop) {
      if (prop !== "create") return bound(target, prop);
      return (args: {
        data: Record<string, unknown>;
        select?: unknown;
        include?: unknown;
        omit?: unknown;
      }) => {
        const row = args.select || args.include || args.omit ? null : toRow(args.data);
        if (!row) return target.create(args as Parameters<typeof target.create>[0]);
        rows.push(row);
        return Promise.resolve({ ...row });
      };
    },
  });
  const buffered = new Proxy(tx, {
    get: (target, prop) => (prop === "trace" ? traces : bound(target, prop)),
  });
  return {
    tx: buffered,
    async flush() {
      const pending = rows.splice(0);
      if (pending.length > 0) await insertRows(tx, pending);
    },
  };
}

function bound(target: object, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/** Column values for a create's data, or null when it holds anything but plain column values. */
function toRow(data: Record<string, unknown>): Row | null {
  const row = {} as Row;
  for (const key of Object.keys(data)) {
    if (!(key in COLUMNS)) return null;
    const value = data[key];
    if (COLUMNS[key as Column] === "json" && value !== undefined && !isPlainJson(value)) return null;
  }
  for (const name of NAMES) {
    const value = data[name];
    row[name] = value === undefined ? (DEFAULTS[name]?.() ?? null) : value;
  }
  return row;
}

// Prisma.JsonNull / DbNull and other class instances keep their meaning only through Prisma.
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

async function insertRows(tx: Tx, rows: Row[]): Promise<void> {
  const postgres = dbKind() === "postgres";
  const bind = (kind: Kind, value: unknown) => {
    if (value === null) return Prisma.sql`NULL`;
    if (kind === "json") {
      const text = JSON.stringify(value);
      return postgres ? Prisma.sql`CAST(${text} AS JSONB)` : Prisma.sql`${text}`;
    }
    if (kind === "bool") return postgres ? Prisma.sql`${Boolean(value)}` : Prisma.sql`${value ? 1 : 0}`;
    if (kind === "date") return postgres ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
    return Prisma.sql`${value}`;
  };
  const columns = Prisma.raw(NAMES.map((n) => `"${n}"`).join(", "));
  const values = rows.map(
    (row) => Prisma.sql`(${Prisma.join(NAMES.map((name) => bind(COLUMNS[name], row[name])))})`,
  );
  await tx.$executeRaw`INSERT INTO "Trace" (${columns}) VALUES ${Prisma.join(values)}`;
}
