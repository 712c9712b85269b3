import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { plannedSession } from "../testing/session-fixtures";
import { editTrace } from "../traces/edit";
import { sessionAgreement } from "./agreement-figures";
import { notDefinedMessage } from "./agreement";
import { decideInSession } from "./decide";

type Call = { decision: "approved" | "rejected"; reasonId?: string };
const approve: Call = { decision: "approved" };
const reject = (reasonId: string): Call => ({ decision: "rejected", reasonId });

/**
 * Wikipedia's Cohen's kappa example ("Cohen's kappa", Examples) as a session: two reviewers,
 * k = 2, 50 traces: 20 both approve, 5 only Ana approves, 10 only Ben approves, 15 both reject.
 * Published: po = 0.7, pe = 0.5, κ = 0.4. By hand from the same table, pooled shares 55/45:
 * Fleiss' κ (Scott's π for two) = (0.7 − 0.505)/(1 − 0.505) = 0.3939…, and Krippendorff's α
 * = 1 − (n − 1)·D/(n² − Σn_c²) = 1 − 99·30/(10000 − 5050) = 0.4.
 * The 15 joint rejections carry reasons: 10 both "wrong answer", 3 both "style", 2 Ana wrong and
 * Ben style, so Cohen's κ on reasons is (15·13 − 135)/(15² − 135) = 2/3.
 */
function wikipediaTable(): Array<[Call, Call]> {
  const rows: Array<[Call, Call]> = [];
  const add = (n: number, a: Call, b: Call) => {
    for (let i = 0; i < n; i++) rows.push([a, b]);
  };
  add(20, approve, approve);
  add(5, approve, reject("reason-other"));
  add(10, reject("reason-other"), approve);
  add(10, reject("reason-wrong-answer"), reject("reason-wrong-answer"));
  add(3, reject("reason-style"), reject("reason-style"));
  add(2, reject("reason-wrong-answer"), reject("reason-style"));
  return rows;
}

async function named(id: string, name: string) {
  await db().user.update({ where: { id }, data: { name } });
}

describe("session agreement figures", () => {
  it("gives the published κ, α and percent agreement for a session with a known decision table", async () => {
    const table = wikipediaTable();
    // One trace more, decided by Ana alone: it has fewer than k decisions, so Fleiss leaves it out.
    const world = await plannedSession({ traces: table.length + 1, reviewers: 2, overlap: 2, batch: 100 });
    const { sessionId } = world;
    const [ana, ben] = world.reviewers;
    await named(ana!.id, "Ana");
    await named(ben!.id, "Ben");
    const traceIds = world.traces.traceIds;
    for (const [i, [a, b]] of table.entries()) {
      await decideInSession({ sessionId, traceId: traceIds[i]!, ...a }, ana!.id);
      await decideInSession({ sessionId, traceId: traceIds[i]!, ...b }, ben!.id);
    }
    await decideInSession({ sessionId, traceId: traceIds[table.length]!, ...approve }, ana!.id);
    // Two reviewers' edits of one trace: one word in four differs each way (distance 2/8).
    await editTrace({ traceId: traceIds[0]!, content: "a b c d" }, ana!.id);
    await editTrace({ traceId: traceIds[0]!, content: "a b x d" }, ben!.id);

    const figures = await sessionAgreement(sessionId);
    expect(figures).toMatchObject({ overlap: 2, rated: 50 });
    const { decisions, reasons } = figures;
    expect(decisions.unanimous).toMatchObject({ n: 50, items: 35, notDefined: null });
    expect(decisions.unanimous.value).toBeCloseTo(0.7, 10);
    expect(decisions.pairwise.value).toBeCloseTo(0.7, 10);
    expect(decisions.fleiss).toMatchObject({ n: 50, ratingsPerItem: 2, excluded: 1, notDefined: null });
    expect(decisions.fleiss.value).toBeCloseTo(0.195 / 0.495, 10);
    expect(decisions.alpha).toMatchObject({ n: 50, notDefined: null });
    expect(decisions.alpha.value).toBeCloseTo(0.4, 10);

    expect(figures.pairs).toHaveLength(1);
    const [pair] = figures.pairs;
    expect([pair!.a.name, pair!.b.name]).toEqual(["Ana", "Ben"]);
    expect(pair!.decisions).toMatchObject({ n: 50, notDefined: null });
    expect(pair!.decisions.value).toBeCloseTo(0.4, 10);
    expect(pair!.decisions.observed).toBeCloseTo(0.7, 10);
    expect(pair!.reasons).toMatchObject({ n: 15, notDefined: null });
    expect(pair!.reasons!.value).toBeCloseTo(2 / 3, 10);

    // Reasons: only the 15 traces both rejected with a reason; 13 of them alike.
    expect(reasons.unanimous).toMatchObject({ n: 15, items: 13 });
    expect(reasons.fleiss).toMatchObject({ n: 15, ratingsPerItem: 2, excluded: 0 });
    expect(reasons.alpha.n).toBe(15);

    expect(figures.edits).toEqual({ meanDistance: 0.25, n: 1, lowerBound: false, notDefined: null });
    // Plain data: the page hands it to a component as it is.
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });

  it("says why a figure is not defined instead of showing a number", async () => {
    const world = await plannedSession({ traces: 3, reviewers: 2, overlap: 2 });
    const { sessionId } = world;
    const empty = await sessionAgreement(sessionId);
    const none = notDefinedMessage("no-items");
    expect(empty.rated).toBe(0);
    expect(empty.pairs).toEqual([]);
    for (const f of [empty.decisions.unanimous, empty.decisions.fleiss, empty.decisions.alpha])
      expect(f).toMatchObject({ value: null, n: 0, notDefined: none });
    expect(empty.edits).toMatchObject({ meanDistance: null, notDefined: notDefinedMessage("too-few-texts") });

    // Everyone approves everything: 100% agreement, but κ and α are 0/0.
    for (const traceId of world.traces.traceIds)
      for (const reviewer of world.reviewers)
        await decideInSession({ sessionId, traceId, decision: "approved" }, reviewer.id);
    const alike = await sessionAgreement(sessionId);
    const same = notDefinedMessage("single-label");
    expect(alike.decisions.unanimous).toMatchObject({ value: 1, n: 3, items: 3 });
    expect(alike.decisions.fleiss).toMatchObject({ value: null, n: 3, notDefined: same });
    expect(alike.decisions.alpha).toMatchObject({ value: null, n: 3, notDefined: same });
    expect(alike.pairs[0]!.decisions).toMatchObject({ value: null, n: 3, observed: 1, notDefined: same });
    expect(alike.pairs[0]!.reasons).toBeNull();
    expect(alike.reasons.fleiss).toMatchObject({ value: null, n: 0, notDefined: none });
  });
});
