// Rows and a fake teacher for the jobs tests (not used by the app).
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { createTestUser } from "./fixtures";
import type { ChatRequest, Completion, Teacher } from "../teacher/types";
import { launchJob, launchSynthesis, type LaunchJobInput, type LaunchSynthesisInput } from "../generation";
import { planJobNow } from "../runner";
import { RequestParamFields } from "../teacher/schemas";

export type World = Awaited<ReturnType<typeof createWorld>>;

/** A prompt set, system messages (version 1 each), a provider and a curator, all uniquely named. */
export async function createWorld(
  opts: { prompts?: number; messages?: Array<{ weight?: number; enabled?: boolean }> } = {},
) {
  const tag = randomBytes(4).toString("hex");
  const client = db();
  const user = await createTestUser("curator");
  const set = await client.promptSet.create({ data: { name: `set-${tag}` } });
  const count = opts.prompts ?? 3;
  await client.prompt.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      promptSetId: set.id,
      text: `Question ${i} of ${tag}: what is ${i} + ${i}?`,
      contentHash: `${tag}-${i}`,
    })),
  });
  const prompts = await client.prompt.findMany({
    where: { promptSetId: set.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const messages = [];
  for (const [i, m] of (opts.messages ?? [{}, {}]).entries()) {
    const message = await client.systemMessage.create({
      data: {
        name: `msg-${tag}-${i}`,
        tags: [],
        weight: m.weight ?? 1,
        enabled: m.enabled ?? true,
        versions: { create: { version: 1, content: `You are helper ${i} (${tag}). Think step by step.` } },
      },
      include: { versions: true },
    });
    messages.push({ id: message.id, name: message.name, version: message.versions[0]! });
  }
  const provider = await client.provider.create({
    data: {
      name: `teacher-${tag}`,
      kind: "openai",
      model: "fake-model",
      apiKeyCiphertext: "SECRET-CIPHERTEXT",
    },
  });
  return { tag, user, set, prompts, messages, provider };
}

// Request parameters a test may give flat ({ maxTokens: 77 }); `seed` stays the plan's seed.
const FLAT_PARAMS = new Set<string>(Object.keys(RequestParamFields.shape).filter((k) => k !== "seed"));

/**
 * Other tests in the same file leave enabled messages behind; launch with explicit ids. Request
 * parameters in `extra` go into the launch's `params` (the provider's seed only as params.seed).
 */
export function launchInput(world: World, extra: Record<string, unknown> = {}) {
  const { params: given, ...rest } = extra;
  const entries = Object.entries(rest);
  return {
    promptSetId: world.set.id,
    providerId: world.provider.id,
    systemMessageIds: world.messages.map((m) => m.id),
    seed: 42,
    ...Object.fromEntries(entries.filter(([k]) => !FLAT_PARAMS.has(k))),
    params: {
      ...(given as Record<string, unknown> | undefined),
      ...Object.fromEntries(entries.filter(([k]) => FLAT_PARAMS.has(k))),
    },
  };
}

export type FakeTeacher = Teacher & { calls: ChatRequest[] };

/** Answers every request (or does what `handler` says), recording each request. */
export function fakeTeacher(
  handler?: (request: ChatRequest, call: number) => Promise<Completion> | Completion,
): FakeTeacher {
  const calls: ChatRequest[] = [];
  return {
    calls,
    async complete(request) {
      calls.push(request);
      if (handler) return handler(request, calls.length);
      return answer(request);
    },
  };
}

export function answer(request: ChatRequest, overrides: Partial<Completion> = {}): Completion {
  return {
    text: `Answer to: ${request.prompt}`,
    finishReason: "stop",
    usage: { inputTokens: 10, outputTokens: 20 },
    latencyMs: 5,
    model: "fake-model-2025",
    ...overrides,
  };
}

/** A promise with its resolve/reject exposed. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Launches as the app does, then plans the job here as a worker would, so its items exist. */
export async function launchPlanned(input: LaunchJobInput, actorId: string | null): Promise<string> {
  const jobId = await launchJob(input, actorId);
  if (!(await planJobNow(jobId))) throw new Error(`job ${jobId} could not be planned`);
  return jobId;
}

/** The same for synthesis jobs. */
export async function launchSynthesisPlanned(
  input: LaunchSynthesisInput,
  actorId: string | null,
): Promise<string> {
  const jobId = await launchSynthesis(input, actorId);
  if (!(await planJobNow(jobId))) throw new Error(`job ${jobId} could not be planned`);
  return jobId;
}
