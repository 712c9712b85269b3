import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { listReviewPage } from "../review/list";
import { TraceSelectionSchema } from "../review/schemas";
import { createWorker } from "../runner/worker";
import { answer, createWorld, fakeTeacher, launchInput, launchPlanned } from "../testing/job-fixtures";
import { createRule } from "./rules/rules";
import { RULES_ACTOR_ID } from "./schemas";
import { readJsonl, SHARED_DATA } from "./testing/shared-data";

type Gsm8kRow = { question: string; answer: string };
const TRAIN = readJsonl<Gsm8kRow>(resolve(SHARED_DATA, "gsm8k/train.jsonl")).slice(0, 6);
const TEST = readJsonl<Gsm8kRow>(resolve(SHARED_DATA, "gsm8k/test.jsonl"));

async function drain(worker: ReturnType<typeof createWorker>, max = 200) {
  for (let i = 0; i < max; i++) if ((await worker.runOnce()).leased === 0) return;
  throw new Error("worker kept leasing");
}

/** The teacher's reply to one of the six GSM8K train prompts: right, wrong, quoting a test item, or refusing. */
function reply(prompt: string, sample: number): string {
  const row = TRAIN.findIndex((r) => prompt.includes(r.question.slice(0, 40)));
  const rationale = TRAIN[row]!.answer;
  const final = rationale.split("#### ").at(-1)!.trim();
  if (row === 1) return rationale.replace(/#### .*$/, `#### ${Number(final) + 7}`); // wrong
  if (row === 2 && sample === 0) return `${TEST[0]!.question}\n${TEST[0]!.answer}`; // a benchmark item
  if (row === 3) return "I'm sorry, but I can't help with that request.";
  if (row === 4) return `Let me think step by step.\n${rationale}`; // the same text for both samples
  return sample === 0
    ? rationale
    : `First, read the question carefully.\n${rationale}\nSo the answer is ${final}.`;
}

describe("quality as traces arrive and after the job", () => {
  beforeAll(() => {
    process.env.TRACEBANK_AUTO_SCANS = "1";
    resetEnvForTests();
  });
  afterAll(() => {
    process.env.TRACEBANK_AUTO_SCANS = "0";
    resetEnvForTests();
  });

  it("stores verdicts with the traces, rules act on them, and the job's scan finds duplicates and picks the best of K", async () => {
    const world = await createWorld({ prompts: 0, messages: [{}] });
    await db().prompt.createMany({
      data: TRAIN.map((row, i) => ({
        promptSetId: world.set.id,
        text: row.question,
        referenceAnswer: row.answer,
        contentHash: `${world.tag}-${i}`,
      })),
    });
    await createRule(
      {
        name: "Wrong answers out",
        check: "verification",
        outcome: "fail",
        action: "reject",
        reasonId: "reason-wrong-answer",
      },
      world.user.id,
    );
    const jobId = await launchPlanned(launchInput(world, { samplesPerPrompt: 2 }), world.user.id);
    const samples = new Map<string, number>();
    const teacher = fakeTeacher((request) => {
      const seen = samples.get(request.prompt) ?? 0;
      samples.set(request.prompt, seen + 1);
      return answer(request, { text: reply(request.prompt, seen) });
    });
    await drain(createWorker({ workerId: "w-quality", teacherFor: async () => teacher }));

    const traces = await db().trace.findMany({
      where: { jobId },
      include: { prompt: true, verdicts: true, decisions: true },
    });
    expect(traces).toHaveLength(12);
    expect(traces.every((t) => t.checkedAt !== null)).toBe(true);
    const rowOf = (t: (typeof traces)[number]) => TRAIN.findIndex((r) => r.question === t.prompt.text);
    const verdict = (t: (typeof traces)[number], check: string) => t.verdicts.find((v) => v.check === check);

    // Verification: the right answers pass, the changed final number fails; the rule rejected those.
    for (const t of traces.filter((t) => [0, 5].includes(rowOf(t))))
      expect(verdict(t, "verification")?.outcome).toBe("pass");
    const wrong = traces.filter((t) => rowOf(t) === 1);
    for (const t of wrong) {
      expect(verdict(t, "verification")?.outcome).toBe("fail");
      expect(t.reviewStatus).toBe("rejected");
      expect(t.decisions).toMatchObject([{ reviewerId: RULES_ACTOR_ID, reasonId: "reason-wrong-answer" }]);
    }
    // The trace quoting a benchmark item answers another question: its number is wrong too.
    const rejected = traces.filter((t) => t.reviewStatus === "rejected");
    expect(rejected.map(rowOf).sort()).toEqual([1, 1, 2]);
    const audit = await db().auditEvent.findMany({ where: { action: "quality.rule-applied" } });
    expect(audit.map((a) => (a.data as { count: number }).count).reduce((a, b) => a + b, 0)).toBe(3);

    // The trace that quotes GSM8K test item 1 is contaminated, with the matched text located.
    const quoted = traces.filter((t) => verdict(t, "contamination")?.outcome === "fail");
    expect(quoted.map(rowOf)).toEqual([2]);
    const spans = verdict(quoted[0]!, "contamination")!.spans as Array<{
      field: string;
      start: number;
      end: number;
    }>;
    expect(
      spans.some(
        (s) => s.field === "trace" && quoted[0]!.content.slice(s.start, s.end).includes("ducks lay 16 eggs"),
      ),
    ).toBe(true);

    // The refusal is caught; clean traces store no per-trace verdict but verification's.
    for (const t of traces.filter((t) => rowOf(t) === 3)) expect(verdict(t, "refusal")?.outcome).toBe("fail");
    const setLevel = ["verification", "best-of-k", "near-duplicate", "exact-duplicate"];
    for (const t of traces.filter((t) => rowOf(t) === 0))
      expect(t.verdicts.filter((v) => !setLevel.includes(v.check))).toEqual([]);
    // Its two samples say the same with a sentence added: near duplicates, one kept.
    expect(
      traces
        .filter((t) => rowOf(t) === 0)
        .map((t) => verdict(t, "near-duplicate")?.outcome)
        .sort(),
    ).toEqual(["fail", "pass"]);

    // When the job completed, a scan of it ran: the identical pair is an exact-duplicate cluster...
    const scan = await db().job.findFirstOrThrow({
      where: { kind: "quality-scan" },
      orderBy: { createdAt: "desc" },
    });
    expect(scan.status).toBe("completed");
    const twins = traces.filter((t) => rowOf(t) === 4);
    const twinVerdicts = twins
      .map((t) => verdict(t, "exact-duplicate"))
      .map((v) => v?.outcome)
      .sort();
    expect(twinVerdicts).toEqual(["fail", "pass"]);
    // ...and best-of-K marked one sample of every prompt "not selected", keeping the verified one.
    const notSelected = await db().qualityVerdict.findMany({
      where: { check: "best-of-k", trace: { jobId } },
    });
    expect(notSelected).toHaveLength(6);
    const kept = traces.filter((t) => !notSelected.some((v) => v.traceId === t.id));
    for (const t of kept.filter((t) => [0, 5].includes(rowOf(t))))
      expect(verdict(t, "verification")?.outcome).toBe("pass");

    // The review list's check filter finds exactly the contaminated trace, and the wrong ones.
    const listed = async (input: object) =>
      (await listReviewPage(TraceSelectionSchema.parse({ status: "all", jobId, ...input }))).rows
        .map((r) => r.id)
        .sort();
    expect(await listed({ check: "contamination" })).toEqual(quoted.map((t) => t.id).sort());
    expect(await listed({ check: "verification", verdict: "fail" })).toEqual(
      rejected.map((t) => t.id).sort(),
    );
  });
});
