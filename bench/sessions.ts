// Sessions benchmark: a session over N traces (100,000 by default) on a fresh SQLite file and a
// fresh PostgreSQL database: the traces are written by one child process, then another plans the
// session on the runner (its time and peak RSS are the planning's alone) and, with 60% of the
// slots decided, times the progress poll, a take, a decision and the adjudication queue
// (p50/p95); then, every trace decided by its k reviewers (a fifth rejected, some disagreeing, a
// few hundred edited by two), the session page's agreement figures (p50/p95 and peak RSS).
// `--traces 300000` changes the size; `--sqlite` skips PostgreSQL.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { onFreshDatabases } from "./databases";

const DIR = resolve(".tmp", "bench");
const { values } = parseArgs({
  options: { traces: { type: "string" }, child: { type: "string" }, sqlite: { type: "boolean" } },
  allowPositionals: true,
});
const TRACES = Number(values.traces ?? 100_000);
const NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

async function main() {
  mkdirSync(DIR, { recursive: true });
  const run = async (url: string) => {
    const jobId = (await runChild(url, "seed")) as string;
    return runChild(url, jobId);
  };
  if (!values.sqlite)
    return console.log(JSON.stringify(await onFreshDatabases(DIR, "sessions", run), null, 2));
  const { applyMigrations } = await import("../lib/db/migrations");
  const file = resolve(DIR, `sessions-${process.pid}.db`);
  await applyMigrations(`file:${file}`);
  try {
    console.log(JSON.stringify({ sqlite: await run(`file:${file}`) }, null, 2));
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

function runChild(url: string, what: string): Promise<unknown> {
  return new Promise((done, fail) => {
    const proc = spawn(
      process.execPath,
      [...NODE_ARGS, "bench/sessions.ts", "--child", what, "--traces", String(TRACES)],
      {
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", TRACEBANK_IN_PROCESS_WORKER: "0" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) =>
      code === 0 ? done(JSON.parse(stdout.trim().split("\n").at(-1)!)) : fail(new Error(`exit ${code}`)),
    );
  });
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const ms = (x: number) => Number(x.toFixed(1));

async function timed(runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return { p50_ms: ms(percentile(times, 0.5)), p95_ms: ms(percentile(times, 0.95)) };
}

async function seed() {
  const { db } = await import("../lib/db/client");
  const { createTraces } = await import("../lib/testing/trace-fixtures");
  const started = performance.now();
  const traces = await createTraces({ count: TRACES });
  process.stderr.write(
    `${TRACES} traces written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  console.log(JSON.stringify(traces.jobId));
  await db().$disconnect();
}

async function child(traceJobId: string) {
  const { db } = await import("../lib/db/client");
  const { createTestUser } = await import("../lib/testing/fixtures");
  const { runJobNow } = await import("../lib/runner");
  const sessions = await import("../lib/sessions");
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const curator = await createTestUser("curator");
  const reviewers = [];
  for (let i = 0; i < 10; i++) reviewers.push(await createTestUser("reviewer"));
  const { sessionId, jobId } = await sessions.createSession(
    {
      name: "bench",
      filter: { status: "pending", jobId: traceJobId },
      reviewerIds: reviewers.map((r) => r.id),
      overlap: 2,
      access: "assigned",
      rule: "majority",
    },
    curator,
  );
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  await runJobNow(jobId);
  const planSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const items = await db().reviewSessionItem.count({ where: { sessionId } });
  log(`planned ${items} items in ${planSeconds.toFixed(1)} s`);

  // 60% of the slots decided (approved), their items agreed: a session well under way.
  const cut = Math.floor(items * 0.6);
  await db()
    .$executeRaw`UPDATE "ReviewSessionSlot" SET "state" = 'decided', "decision" = 'approved', "version" = 1
    WHERE "sessionId" = ${sessionId} AND "position" < ${cut}`;
  await db()
    .$executeRaw`UPDATE "ReviewSessionItem" SET "decided" = 2, "state" = 'agreed', "verdict" = 'approved'
    WHERE "sessionId" = ${sessionId} AND "position" < ${cut}`;
  if (process.env.DATABASE_URL!.startsWith("postgres")) await db().$executeRawUnsafe("ANALYZE");

  const progress = await timed(30, () => sessions.sessionProgress(sessionId, curator));
  const reviewer = reviewers[3]!;
  const take = await timed(30, () => sessions.takeSessionTraces(sessionId, reviewer.id, { limit: 5 }));
  const queue = (await sessions.takeSessionTraces(sessionId, reviewer.id, { limit: 40 })).traceIds;
  const decide = await timed(30, (i) =>
    sessions.decideInSession({ sessionId, traceId: queue[i + 1]!, decision: "approved" }, reviewer.id),
  );
  const adjudication = await timed(30, () =>
    sessions.listAdjudicationQueue(sessionId, curator, { limit: 20 }),
  );
  // Every item decided: a fifth rejected by both (two reasons), one reviewer rejecting more on
  // its own (disagreements), and 500 traces edited by both of their reviewers.
  // (The item's reviewer first by id rejects on its own on every 7th: a disagreement.)
  await db().$executeRaw`UPDATE "ReviewSessionSlot" SET "state" = 'decided', "version" = 1,
    "decision" = CASE WHEN "position" % 5 = 0 THEN 'rejected' ELSE 'approved' END,
    "reasonId" = CASE WHEN "position" % 5 = 0
      THEN (CASE WHEN "position" % 3 = 0 THEN 'reason-style' ELSE 'reason-wrong-answer' END) ELSE NULL END
    WHERE "sessionId" = ${sessionId}`;
  await db().$executeRaw`UPDATE "ReviewSessionSlot" SET "decision" = 'rejected', "reasonId" = 'reason-other'
    WHERE "sessionId" = ${sessionId} AND "position" % 7 = 0 AND "reviewerId" = (SELECT MIN(s2."reviewerId")
      FROM "ReviewSessionSlot" s2 WHERE s2."itemId" = "ReviewSessionSlot"."itemId")`;
  await db().$executeRaw`UPDATE "ReviewSessionItem" SET "decided" = 2, "state" = 'agreed'
    WHERE "sessionId" = ${sessionId}`;
  const edited = await db().reviewSessionSlot.findMany({
    where: { sessionId, position: { lt: 500 } },
    select: { itemId: true, reviewerId: true, position: true, item: { select: { traceId: true } } },
  });
  await db().traceEdit.createMany({
    data: edited.map((slot) => ({
      traceId: slot.item.traceId,
      editorId: slot.reviewerId,
      content: `An edited answer for trace ${slot.position}, ${slot.reviewerId.endsWith("0") ? "shorter" : "a little longer than the other"}.`,
    })),
  });
  if (process.env.DATABASE_URL!.startsWith("postgres")) await db().$executeRawUnsafe("ANALYZE");
  const rssBeforeAgreement = process.memoryUsage().rss;
  let agreementRss = rssBeforeAgreement;
  const rssSampler = setInterval(
    () => (agreementRss = Math.max(agreementRss, process.memoryUsage().rss)),
    20,
  );
  const agreement = await timed(5, () => sessions.sessionAgreement(sessionId));
  clearInterval(rssSampler);
  // Where the time goes: reading the ratings, then the arithmetic.
  const { sessionRatings, summaryInput } = await import("../lib/sessions/agreement-figures");
  const { summarize } = await import("../lib/sessions/agreement");
  let started2 = performance.now();
  const ratings = await sessionRatings(sessionId);
  const readMs = performance.now() - started2;
  started2 = performance.now();
  summarize(summaryInput(ratings), { ratingsPerItem: ratings.overlap });
  const summarizeMs = performance.now() - started2;
  const figures = await sessions.sessionAgreement(sessionId);
  log(
    `agreement over ${figures.rated} items: p50 ${agreement.p50_ms} ms, κ ${figures.decisions.fleiss.value?.toFixed(3)}`,
  );

  console.log(
    JSON.stringify({
      traces: TRACES,
      plan_seconds: Number(planSeconds.toFixed(1)),
      rss_before_plan_mb: Math.round(rssBefore / 1024 / 1024),
      plan_peak_rss_mb: Math.round(peakRss / 1024 / 1024),
      progress,
      take,
      decide,
      adjudication,
      agreement: {
        ...agreement,
        items: figures.rated,
        read_ms: ms(readMs),
        summarize_ms: ms(summarizeMs),
        rss_before_mb: Math.round(rssBeforeAgreement / 1024 / 1024),
        peak_rss_mb: Math.round(agreementRss / 1024 / 1024),
        fleiss: figures.decisions.fleiss.value,
        edits: figures.edits.n,
      },
    }),
  );
  await db().$disconnect();
}

if (values.child === "seed") await seed();
else if (values.child) await child(values.child);
else await main();
