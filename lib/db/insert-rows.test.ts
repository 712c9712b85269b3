import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "../errors";
import { db, dbKind, Prisma, type Tx } from "./client";
import { cuid } from "./cuid";
import { defineTable, INSERT_LIMITS, insertRows, type ColumnType, type NewRow } from "./insert-rows";

// Real tables, so every column type meets the schema's own DDL on both databases.
type NewMessage = NewRow<Prisma.SystemMessageUncheckedCreateInput, Prisma.SystemMessageScalarFieldEnum>;
const MESSAGES = defineTable<NewMessage>({
  table: "SystemMessage",
  columns: {
    id: "text",
    name: "text",
    tags: "json",
    weight: "float",
    enabled: "bool",
    createdAt: "date",
    updatedAt: "date",
  } satisfies Record<Prisma.SystemMessageScalarFieldEnum, ColumnType>,
  defaults: {
    id: cuid,
    weight: () => 1,
    enabled: () => true,
    createdAt: () => new Date(),
    updatedAt: () => new Date(),
  },
});

type NewImport = NewRow<Prisma.PromptImportUncheckedCreateInput, Prisma.PromptImportScalarFieldEnum>;
const IMPORTS = defineTable<NewImport>({
  table: "PromptImport",
  columns: {
    id: "text",
    promptSetId: "text",
    jobId: "text",
    fileName: "text",
    format: "text",
    mode: "text",
    status: "text",
    spoolPath: "text",
    bytesTotal: "bigint",
    bytesRead: "bigint",
    rowsRead: "int",
    validRows: "int",
    publishedRows: "int",
    inserted: "int",
    duplicates: "int",
    invalid: "int",
    errors: "json",
    error: "text",
    createdById: "text",
    createdAt: "date",
    finishedAt: "date",
  } satisfies Record<Prisma.PromptImportScalarFieldEnum, ColumnType>,
  defaults: {
    id: cuid,
    bytesTotal: () => 0n,
    bytesRead: () => 0n,
    validRows: () => 0,
    publishedRows: () => 0,
    createdAt: () => new Date(),
  },
});

type NewPrompt = Pick<
  NewRow<Prisma.PromptUncheckedCreateInput, Prisma.PromptScalarFieldEnum>,
  "id" | "promptSetId" | "text" | "contentHash"
>;
const PROMPTS = defineTable<NewPrompt>({
  table: "Prompt",
  columns: { id: "text", promptSetId: "text", text: "text", contentHash: "text" },
  defaults: { id: cuid },
});

/** A client that records each statement it runs. */
function recording() {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const client: Pick<Tx, "$executeRawUnsafe"> = {
    $executeRawUnsafe: (sql: string, ...params: unknown[]) => {
      statements.push({ sql, params });
      return db().$executeRawUnsafe(sql, ...params);
    },
  };
  return { client, statements };
}

const promptSet = async () => (await db().promptSet.create({ data: { name: `set ${cuid()}` } })).id;
const wide = 'naïve café · 日本語 · emoji 😀 · "quotes" \\ back\nslash \u2028 end';

describe("insertRows", () => {
  it("writes text, JSON, float, bool and date exactly as a Prisma create does", async () => {
    const data = {
      tags: ["step-by-step", wide, { nested: [1, 2.5, null, true] }],
      weight: 0.1 + 0.2,
      enabled: false,
      createdAt: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)),
      updatedAt: new Date(Date.UTC(2025, 5, 6, 7, 8, 9, 1)),
    };
    const viaPrisma = await db().systemMessage.create({ data: { ...data, name: `prisma ${cuid()}` } });
    const name = `raw ${wide} ${cuid()}`;
    expect(await insertRows(db(), MESSAGES, [{ ...data, name }])).toBe(1);
    const viaRaw = await db().systemMessage.findUniqueOrThrow({ where: { name } });
    const strip = ({ id: _id, name: _name, ...rest }: typeof viaRaw) => rest;
    expect(strip(viaRaw)).toEqual(strip(viaPrisma));
    expect(viaRaw.id).toMatch(/^c[0-9a-z]{24}$/);
    // Ordering and range filters compare the stored text on SQLite: the format must be Prisma's.
    const inRange = await db().systemMessage.findMany({
      where: { createdAt: { gte: data.createdAt, lte: data.createdAt } },
      select: { name: true },
    });
    expect(inRange.map((m) => m.name).sort()).toEqual([viaPrisma.name, name].sort());
  });

  it("stores values that differ per row and values shared by all rows alike", async () => {
    const at = (ms: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, ms));
    const tag = cuid();
    const rows = [0, 1, 2].map((i) => ({
      name: `m${i} ${tag}`,
      tags: i === 1 ? "plain JSON string" : ["t", i],
      weight: [0.5, 1e-9, 12345.678][i]!,
      enabled: i !== 1,
      createdAt: at(i),
      updatedAt: at(999),
    }));
    await insertRows(db(), MESSAGES, rows);
    const stored = await db().systemMessage.findMany({
      where: { name: { endsWith: tag } },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(rows);
  });

  it("fills left-out columns from the spec's defaults, each row its own", async () => {
    const before = Date.now();
    const names = [`d1 ${cuid()}`, `d2 ${cuid()}`];
    await insertRows(
      db(),
      MESSAGES,
      names.map((name) => ({ name, tags: [] })),
    );
    const rows = await db().systemMessage.findMany({ where: { name: { in: names } } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    for (const row of rows) {
      expect(row).toMatchObject({ weight: 1, enabled: true, tags: [] });
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    }
  });

  it("round-trips bigints beyond 2^53, ints, JSON, and NULL for nullable columns", async () => {
    const promptSetId = await promptSet();
    const base = { promptSetId, fileName: "f.jsonl", format: "jsonl", mode: "all-or-nothing" };
    const counts = { rowsRead: 3, inserted: 2, duplicates: 1, invalid: 0 };
    const big = 2n ** 53n + 1n;
    const finishedAt = new Date(Date.UTC(2026, 1, 3, 4, 5, 6, 7));
    const ids = [cuid(), cuid()];
    await insertRows(db(), IMPORTS, [
      { ...base, ...counts, id: ids[0], status: "imported", bytesTotal: big, errors: [], finishedAt },
      {
        ...base,
        ...counts,
        id: ids[1],
        status: "failed",
        errors: [{ line: 2, message: wide }],
        error: wide,
        jobId: null,
      },
    ]);
    const [done, failed] = await Promise.all(
      ids.map((id) => db().promptImport.findUniqueOrThrow({ where: { id } })),
    );
    expect(done).toMatchObject({ bytesTotal: big, bytesRead: 0n, finishedAt, error: null, spoolPath: null });
    expect(done!.errors).toEqual([]);
    expect(failed).toMatchObject({ ...counts, bytesTotal: 0n, finishedAt: null, jobId: null, error: wide });
    expect(failed!.errors).toEqual([{ line: 2, message: wide }]);
  });

  it("chunks by rows and by characters, each statement within the limits, and counts every row", async () => {
    const promptSetId = await promptSet();
    const rows: NewPrompt[] = Array.from({ length: 2_600 }, (_, i) => {
      const text = i % 97 === 0 ? `${wide} ${"x".repeat(9_000)} ${i}` : `Prompt ${i} ${wide}`;
      return { promptSetId, text, contentHash: `h${i}` };
    });
    const { client, statements } = recording();
    expect(await insertRows(client, PROMPTS, rows)).toBe(rows.length);
    expect(await db().prompt.count({ where: { promptSetId } })).toBe(rows.length);
    const stored = await db().prompt.findMany({ where: { promptSetId }, select: { text: true } });
    expect(new Set(stored.map((p) => p.text))).toEqual(new Set(rows.map((r) => r.text)));

    const limits = INSERT_LIMITS;
    expect(statements.length).toBeGreaterThan(rows.length / limits.rows);
    for (const { params } of statements) {
      // The set id is the same in every row: sent once, beside the rows' JSON (PostgreSQL takes
      // the JSON as $1, SQLite its parameters in the order they appear, the JSON last).
      expect(params).toHaveLength(2);
      expect(params).toContain(promptSetId);
      const json = (dbKind() === "postgres" ? params[0] : params[1]) as string;
      expect(json).toMatch(/^[\x00-\xff]*$/); // one byte per character
      const tuples = JSON.parse(json) as unknown[][];
      expect(tuples.length).toBeLessThanOrEqual(limits.rows);
      expect(tuples.length === 1 || json.length <= limits.chars).toBe(true);
    }
  });

  it("skips rows that hit a unique constraint with onConflict 'ignore' and counts only new ones", async () => {
    const promptSetId = await promptSet();
    const row = (i: number) => ({ promptSetId, text: `p${i}`, contentHash: `h${i}` });
    await insertRows(
      db(),
      PROMPTS,
      Array.from({ length: 10 }, (_, i) => row(i)),
    );
    const again = Array.from({ length: 1_200 }, (_, i) => row(i + 5));
    expect(await insertRows(db(), PROMPTS, again, { onConflict: "ignore" })).toBe(1_195);
    expect(await db().prompt.count({ where: { promptSetId } })).toBe(1_205);
  });

  it("replaces the named columns of a row that matches the target with an upsert onConflict", async () => {
    const promptSetId = await promptSet();
    const row = (i: number, text: string) => ({ promptSetId, text, contentHash: `h${i}` });
    await insertRows(
      db(),
      PROMPTS,
      Array.from({ length: 10 }, (_, i) => row(i, "old")),
    );
    const upsert = { target: ["promptSetId", "contentHash"], update: ["text"] };
    const again = Array.from({ length: 1_200 }, (_, i) => row(i + 5, "new"));
    await insertRows(db(), PROMPTS, again, { onConflict: upsert });
    expect(await db().prompt.count({ where: { promptSetId } })).toBe(1_205);
    expect(await db().prompt.count({ where: { promptSetId, text: "old" } })).toBe(5);
    const replaced = await db().prompt.findFirstOrThrow({ where: { promptSetId, contentHash: "h7" } });
    expect(replaced.text).toBe("new");
  });

  it("without onConflict a duplicate fails the statement, and a transaction keeps nothing", async () => {
    const promptSetId = await promptSet();
    const rows = Array.from({ length: 1_500 }, (_, i) => ({
      promptSetId,
      text: `p${i}`,
      contentHash: i === 1_400 ? "h0" : `h${i}`,
    }));
    const failed = await db()
      .$transaction((tx) => insertRows(tx, PROMPTS, rows))
      .catch((error: unknown) => error);
    // Callers that treat a duplicate as "already there" (completeItem) must recognise it.
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await db().prompt.count({ where: { promptSetId } })).toBe(0);
  });

  it("sends nothing for no rows", async () => {
    const { client, statements } = recording();
    expect(await insertRows(client, PROMPTS, [])).toBe(0);
    expect(statements).toHaveLength(0);
  });
});
