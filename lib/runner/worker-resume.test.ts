import { describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { launchJob } from "../generation/launch-traces";
import { pauseJob, resumeJob } from "./pause";
import { answer, createWorld, deferred, fakeTeacher, launchInput, until } from "../testing/job-fixtures";
import { createWorker } from "./worker";

describe("pause and resume while calls are in flight", () => {
  it("does not cancel the calls of a job resumed while a poll was reading it", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world, { concurrency: 1 }), world.user.id);
    const release = deferred();
    // Honours the abort signal, as the real clients do.
    const teacher = fakeTeacher(async (request) => {
      await Promise.race([
        release.promise,
        new Promise((_, reject) =>
          request.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
        ),
      ]);
      return answer(request);
    });
    const worker = createWorker({ workerId: "w-resume", teacherFor: async () => teacher });
    const first = worker.runOnce();
    await until(() => teacher.calls.length === 1, "the call to start");
    await pauseJob(jobId, world.user.id);

    // The next poll reads the job list (paused: not active), then the statuses of the jobs it has
    // calls of: the job is resumed in between.
    const jobs = db().job;
    const findMany = jobs.findMany.bind(jobs);
    let read: Promise<unknown> | undefined;
    const spy = vi.spyOn(jobs, "findMany").mockImplementation(((args: { where?: { id?: unknown } }) => {
      if (args?.where?.id !== undefined) {
        spy.mockRestore();
        read = resumeJob(jobId, world.user.id).then(() => findMany(args as never));
        return read;
      }
      return findMany(args as never);
    }) as never);
    const second = worker.runOnce();
    await until(() => read !== undefined, "the poll to read the job's status");
    await read;
    await new Promise((r) => setTimeout(r, 50));
    release.resolve();
    await Promise.all([first, second]);
    spy.mockRestore();

    const [item] = await db().jobItem.findMany({ where: { jobId } });
    expect(item).toMatchObject({ status: "done", attempts: 1 });
    expect(await db().trace.count({ where: { jobId } })).toBe(1);
  });
});
