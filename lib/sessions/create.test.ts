import { describe, expect, it } from "vitest";
import { can } from "../auth/roles";
import { db } from "../db/client";
import { ForbiddenError, InvalidInputError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { createSession } from "./create";
import { CreateSessionSchema, type CreateSessionInput } from "./schemas";
import { runJobNow } from "../runner";

const valid = (overrides: Partial<CreateSessionInput> = {}): CreateSessionInput => ({
  name: "Arithmetic, second pass",
  filter: { status: "pending" },
  reviewerIds: ["a", "b", "c"],
  overlap: 2,
  access: "open",
  reservationMinutes: 10,
  rule: "majority",
  ...overrides,
});

const issue = (input: CreateSessionInput) => {
  const parsed = CreateSessionSchema.safeParse(input);
  return parsed.success
    ? null
    : { path: parsed.error.issues[0]!.path.join("."), message: parsed.error.issues[0]!.message };
};

describe("the create schema (shared by the form, the action and planning)", () => {
  it("takes a valid session and fills the defaults", () => {
    const parsed = CreateSessionSchema.parse(valid({ reservationMinutes: undefined, description: "  " }));
    expect(parsed).toMatchObject({
      reservationMinutes: 10,
      description: undefined,
      filter: { status: "pending" },
    });
  });

  it("says what is wrong, field by field", () => {
    expect(issue(valid({ name: " " }))).toMatchObject({ path: "name" });
    expect(issue(valid({ overlap: 4 }))).toMatchObject({
      path: "overlap",
      message: expect.stringContaining("cannot exceed"),
    });
    expect(issue(valid({ overlap: 0 }))).toMatchObject({ path: "overlap" });
    expect(issue(valid({ reviewerIds: [] }))).toMatchObject({ path: "reviewerIds" });
    expect(issue(valid({ reviewerIds: ["a", "a"], overlap: 1 }))).toMatchObject({
      message: "A reviewer is listed twice.",
    });
    expect(issue(valid({ rule: "adjudicator" }))).toMatchObject({ path: "adjudicatorId" });
    expect(issue(valid({ rule: "adjudicator", adjudicatorId: "c" }))).toBeNull();
    expect(issue(valid({ reservationMinutes: 0 }))).toMatchObject({ path: "reservationMinutes" });
    expect(issue(valid({ access: "any" as "open" }))).toMatchObject({ path: "access" });
  });

  it("lets admins and curators manage sessions, not reviewers", () => {
    expect(can("admin", "sessions:manage")).toBe(true);
    expect(can("curator", "sessions:manage")).toBe(true);
    expect(can("reviewer", "sessions:manage")).toBe(false);
  });
});

describe("creating a session", () => {
  async function people() {
    const curator = await createTestUser("curator");
    const reviewers = [await createTestUser("reviewer"), await createTestUser("reviewer")];
    const traces = await createTraces({ count: 3 });
    return { curator, reviewers, traces, filter: { status: "pending" as const, jobId: traces.jobId } };
  }

  it("writes the session planning, its reviewers, its job and the audit entry", async () => {
    const { curator, reviewers, filter } = await people();
    const { sessionId, jobId } = await createSession(
      valid({ filter, reviewerIds: reviewers.map((r) => r.id), access: "assigned" }),
      curator,
    );
    const session = await db().reviewSession.findUniqueOrThrow({
      where: { id: sessionId },
      include: { reviewers: true },
    });
    expect(session).toMatchObject({
      status: "planning",
      planJobId: jobId,
      overlap: 2,
      createdById: curator.id,
      adjudicatorId: null,
    });
    expect(session.reviewers.map((r) => r.userId).sort()).toEqual(reviewers.map((r) => r.id).sort());
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      kind: "session-planning",
      status: "planning",
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityId: sessionId, action: "session.created" },
    });
    expect(audit).toMatchObject({ actorId: curator.id, entityType: "review-session" });
    expect(audit.data).toMatchObject({
      before: null,
      after: { name: "Arithmetic, second pass", planJobId: jobId, filter },
    });
  });

  it("a double submit (the same launch key) creates one session, also when both run at once", async () => {
    const { curator, reviewers, filter } = await people();
    const input = valid({
      filter,
      reviewerIds: reviewers.map((r) => r.id),
      launchKey: "form-key-0123456789abcdef",
    });
    const [first, second] = await Promise.all([createSession(input, curator), createSession(input, curator)]);
    expect(second).toEqual(first);
    expect(await createSession(input, curator)).toEqual(first);
    expect(await db().reviewSession.count({ where: { createdById: curator.id } })).toBe(1);
  });

  it("plans a session over a search selection: exactly the traces the words find", async () => {
    const curator = await createTestUser("curator");
    const reviewers = [await createTestUser("reviewer"), await createTestUser("reviewer")];
    const traces = await createTraces({
      count: 5,
      content: (i) =>
        i % 2 === 0 ? `The pelican carries ${i} fish across the bay.` : `A plain answer ${i}.`,
    });
    const filter = { status: "pending" as const, jobId: traces.jobId, q: "pelican" };
    const { sessionId, jobId } = await createSession(
      valid({ filter, reviewerIds: reviewers.map((r) => r.id), overlap: 1 }),
      curator,
      { batch: 2 },
    );
    await runJobNow(jobId);
    const items = await db().reviewSessionItem.findMany({ where: { sessionId }, select: { traceId: true } });
    expect(items.map((i) => i.traceId).sort()).toEqual(
      [traces.traceIds[0], traces.traceIds[2], traces.traceIds[4]].sort(),
    );
    expect((await db().reviewSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("active");
    await expect(
      createSession(
        valid({ filter: { ...filter, q: "walrus" }, reviewerIds: reviewers.map((r) => r.id), overlap: 1 }),
        curator,
      ),
    ).rejects.toThrow("No traces match");
  });

  it("refuses a reviewer role, an empty selection and inactive reviewers", async () => {
    const { curator, reviewers, filter } = await people();
    const reviewerIds = reviewers.map((r) => r.id);
    await expect(createSession(valid({ filter, reviewerIds }), reviewers[0]!)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      createSession(valid({ filter: { ...filter, status: "approved" }, reviewerIds }), curator),
    ).rejects.toThrow("No traces match");
    await db().user.update({ where: { id: reviewerIds[1] }, data: { deactivatedAt: new Date() } });
    await expect(createSession(valid({ filter, reviewerIds }), curator)).rejects.toThrow(
      "Only active accounts",
    );
    await expect(
      createSession(valid({ filter, reviewerIds: [...reviewerIds, "nobody"] }), curator),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db().reviewSession.count({ where: { createdById: curator.id } })).toBe(0);
  });

  it("the adjudicator is an admin, a curator or one of the reviewers", async () => {
    const { curator, reviewers, filter } = await people();
    const reviewerIds = reviewers.map((r) => r.id);
    const outsider = await createTestUser("reviewer");
    const adjudicated = (adjudicatorId: string) =>
      createSession(valid({ filter, reviewerIds, rule: "adjudicator", adjudicatorId }), curator);
    await expect(adjudicated(outsider.id)).rejects.toThrow(
      "must be an admin, a curator or one of the session's reviewers",
    );
    const byReviewer = await adjudicated(reviewerIds[0]!);
    const byCurator = await adjudicated((await createTestUser("curator")).id);
    for (const { sessionId } of [byReviewer, byCurator])
      expect((await db().reviewSession.findUniqueOrThrow({ where: { id: sessionId } })).rule).toBe(
        "adjudicator",
      );
  });
});
