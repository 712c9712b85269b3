import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { InvalidInputError, NotFoundError } from "../errors";
import {
  BUILTIN_BENCHMARKS,
  builtinBenchmarks,
  ContaminationIndex,
  type BenchmarkItem,
} from "./contamination";
import { parseBenchmarkFile } from "./benchmark-file";
import { BenchmarkToggleSchema, UploadBenchmarkSchema } from "./schemas";

export type BenchmarkView = {
  id: string;
  name: string;
  builtin: boolean;
  enabled: boolean;
  licence: string | null;
  sourceUrl: string | null;
  itemCount: number;
  createdAt: string;
};

/** Makes sure the shipped sets have their rows (enabled unless an admin turned one off). */
export async function ensureBuiltinBenchmarks(client: Pick<Tx, "benchmark"> = db()): Promise<void> {
  const known = new Set(
    (await client.benchmark.findMany({ where: { builtin: true }, select: { name: true } })).map(
      (b) => b.name,
    ),
  );
  for (const set of BUILTIN_BENCHMARKS) {
    if (known.has(set.name)) continue;
    await client.benchmark.upsert({
      where: { name: set.name },
      create: {
        name: set.name,
        builtin: true,
        licence: set.licence,
        sourceUrl: set.sourceUrl,
        itemCount: set.items,
      },
      update: {},
    });
  }
}

export async function listBenchmarks(): Promise<BenchmarkView[]> {
  await ensureBuiltinBenchmarks();
  const rows = await db().benchmark.findMany({ orderBy: [{ builtin: "desc" }, { name: "asc" }] });
  return rows.map((b) => ({ ...b, createdById: undefined, createdAt: b.createdAt.toISOString() }));
}

/** An uploaded set (JSONL: one item per line), stored whole; refused with its line when malformed. */
export async function uploadBenchmark(
  input: { name: string; fileName: string; content: string },
  actorId: string,
): Promise<BenchmarkView> {
  const { name, fileName, content } = UploadBenchmarkSchema.parse(input);
  const items = parseBenchmarkFile(content, fileName);
  return db().$transaction(async (tx) => {
    if (await tx.benchmark.findUnique({ where: { name }, select: { id: true } }))
      throw new InvalidInputError(`A benchmark named "${name}" exists already: pick another name.`);
    const created = await tx.benchmark.create({
      data: { name, itemCount: items.length, createdById: actorId },
    });
    for (let i = 0; i < items.length; i += 1_000)
      await tx.benchmarkItem.createMany({
        data: items.slice(i, i + 1_000).map((item) => ({ ...item, benchmarkId: created.id })),
      });
    await recordAudit(
      {
        actorId,
        action: "quality.benchmark-uploaded",
        entityId: created.id,
        data: { name, items: items.length, fileName },
      },
      tx,
    );
    return { ...created, createdById: undefined, createdAt: created.createdAt.toISOString() };
  });
}

export async function toggleBenchmark(input: unknown, actorId: string): Promise<void> {
  const { id, enabled } = BenchmarkToggleSchema.parse(input);
  await db().$transaction(async (tx) => {
    const set = await tx.benchmark.findUnique({ where: { id } });
    if (!set) throw new NotFoundError("Benchmark", id);
    await tx.benchmark.update({ where: { id }, data: { enabled } });
    await recordAudit(
      { actorId, action: "quality.benchmark-toggled", entityId: id, data: { name: set.name, enabled } },
      tx,
    );
  });
}

// One index per process, rebuilt when the enabled sets change (a fingerprint read per use).
const holder = globalThis as unknown as {
  __tracebankBenchmarks?: { fingerprint: string; index: Promise<ContaminationIndex | null> };
};

/** The index of every enabled benchmark, or null when none is enabled. */
export async function contaminationIndex(
  client: Pick<Tx, "benchmark" | "benchmarkItem"> = db(),
): Promise<ContaminationIndex | null> {
  const rows = await client.benchmark.findMany({
    select: { id: true, name: true, builtin: true, enabled: true, itemCount: true },
    orderBy: { name: "asc" },
  });
  // A built-in set is on until an admin turns it off (it may have no row yet: a fresh install).
  const off = new Set(rows.filter((r) => r.builtin && !r.enabled).map((r) => r.name));
  const sets = [
    ...BUILTIN_BENCHMARKS.filter((b) => !off.has(b.name)).map((b) => ({
      id: b.name,
      name: b.name,
      builtin: true,
      itemCount: b.items,
    })),
    ...rows.filter((r) => !r.builtin && r.enabled),
  ];
  const fingerprint = sets.map((s) => `${s.id}:${s.itemCount}`).join(",");
  const cached = holder.__tracebankBenchmarks;
  if (cached?.fingerprint === fingerprint) return cached.index;
  const index = buildIndex(client, sets);
  holder.__tracebankBenchmarks = { fingerprint, index };
  index.catch(() => (holder.__tracebankBenchmarks = undefined));
  return index;
}

async function buildIndex(
  client: Pick<Tx, "benchmarkItem">,
  sets: Array<{ id: string; name: string; builtin: boolean }>,
): Promise<ContaminationIndex | null> {
  if (sets.length === 0) return null;
  const builtins = new Set(sets.filter((s) => s.builtin).map((s) => s.name));
  const items: BenchmarkItem[] = builtins.size
    ? (await builtinBenchmarks()).filter((i) => builtins.has(i.benchmark))
    : [];
  for (const set of sets.filter((s) => !s.builtin)) {
    const rows = await client.benchmarkItem.findMany({
      where: { benchmarkId: set.id },
      select: { itemId: true, text: true, answer: true },
    });
    for (const row of rows)
      items.push({
        benchmark: set.name,
        itemId: row.itemId,
        text: row.text,
        answer: row.answer ?? undefined,
      });
  }
  return new ContaminationIndex(items);
}
