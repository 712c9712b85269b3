import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { Provider as ProviderRow } from "../db";
import { ConflictError, isUniqueViolation, NotFoundError } from "../errors";
import { KEY_STAYS_WITH_ENDPOINT, sameEndpoint } from "./base-url";
import { endpointProblem } from "./endpoint";
import { ProviderFieldError } from "./field-error";
import type { TeacherConfig } from "./teacher-config";
import type { ProviderInput, ProviderKind, UpdateProviderInput } from "./schemas";
import { decryptSecret, encryptSecret } from "./secrets";

export type ProviderSummary = {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string | null;
  model: string;
  hasApiKey: boolean;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
} & ProviderLimits;

/** Limits shared by every job and worker process using the provider (null: no limit). */
export type ProviderLimits = {
  maxConcurrency: number | null;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
};

// Never includes the key, not even encrypted: summaries go to the browser.
function summary(row: ProviderRow): ProviderSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProviderKind,
    baseUrl: row.baseUrl,
    model: row.model,
    hasApiKey: row.apiKeyCiphertext !== null,
    inputPricePerMTok: row.inputPricePerMTok,
    outputPricePerMTok: row.outputPricePerMTok,
    ...limitsOf(row),
  };
}

const limitsOf = (row: ProviderLimits): ProviderLimits => ({
  maxConcurrency: row.maxConcurrency,
  requestsPerMinute: row.requestsPerMinute,
  tokensPerMinute: row.tokensPerMinute,
});

// What the audit log keeps of a provider: everything but the key.
const auditData = (p: ProviderSummary, key: "set" | "kept" | "removed" | "none") => ({
  name: p.name,
  kind: p.kind,
  baseUrl: p.baseUrl,
  model: p.model,
  apiKey: key,
  inputPricePerMTok: p.inputPricePerMTok,
  outputPricePerMTok: p.outputPricePerMTok,
  ...limitsOf(p),
});

export async function listProviders(): Promise<ProviderSummary[]> {
  const rows = await db().provider.findMany({ orderBy: { name: "asc" } });
  return rows.map(summary);
}

export async function getProvider(id: string): Promise<ProviderSummary> {
  const row = await db().provider.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Teacher", id);
  return summary(row);
}

/** The provider's current limits (they apply live: editing them affects running jobs). */
export async function providerLimits(id: string): Promise<ProviderLimits> {
  const row = await db().provider.findUnique({
    where: { id },
    select: { maxConcurrency: true, requestsPerMinute: true, tokensPerMinute: true },
  });
  if (!row) throw new NotFoundError("Teacher", id);
  return row;
}

const taken = (name: string) =>
  new ConflictError(`A teacher named "${name}" already exists: choose another name.`);

// The host allowlist (TRACEBANK_TEACHER_HOSTS) is checked where a teacher is saved, too.
function assertHostAllowed(input: ProviderInput): void {
  const problem = endpointProblem(input.kind, input.baseUrl);
  if (problem) throw new ProviderFieldError("baseUrl", problem);
}

export async function createProvider(input: ProviderInput, actorId: string): Promise<ProviderSummary> {
  assertHostAllowed(input);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.provider.create({
        data: {
          name: input.name,
          kind: input.kind,
          baseUrl: input.baseUrl,
          model: input.model,
          apiKeyCiphertext: input.apiKey ? encryptSecret(input.apiKey) : null,
          inputPricePerMTok: input.inputPricePerMTok,
          outputPricePerMTok: input.outputPricePerMTok,
          ...limitsOf(input),
          createdById: actorId,
        },
      });
      const created = summary(row);
      await recordAudit(
        {
          actorId,
          action: "provider.created",
          entityId: row.id,
          data: auditData(created, input.apiKey ? "set" : "none"),
        },
        tx,
      );
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name);
    throw error;
  }
}

/**
 * A blank apiKey keeps the stored key; removeKey clears it. A new base URL or kind needs one of
 * the two: the stored key goes only to the endpoint it was saved with.
 */
export async function updateProvider(input: UpdateProviderInput, actorId: string): Promise<ProviderSummary> {
  assertHostAllowed(input);
  const key = input.apiKey ? "set" : input.removeKey ? "removed" : "kept";
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.provider.findUnique({ where: { id: input.id } });
      if (!existing) throw new NotFoundError("Teacher", input.id);
      const moved = !sameEndpoint(input, { kind: existing.kind as ProviderKind, baseUrl: existing.baseUrl });
      if (moved && key === "kept" && existing.apiKeyCiphertext !== null)
        throw new ProviderFieldError("apiKey", KEY_STAYS_WITH_ENDPOINT);
      // Only if endpoint and key are still what was read: a concurrent edit that moved the teacher
      // or replaced its key must not end up with this edit's endpoint and that edit's key.
      const { count } = await tx.provider.updateMany({
        where: {
          id: input.id,
          kind: existing.kind,
          baseUrl: existing.baseUrl,
          apiKeyCiphertext: existing.apiKeyCiphertext,
        },
        data: {
          name: input.name,
          kind: input.kind,
          baseUrl: input.baseUrl,
          model: input.model,
          inputPricePerMTok: input.inputPricePerMTok,
          outputPricePerMTok: input.outputPricePerMTok,
          ...limitsOf(input),
          ...(key === "set" ? { apiKeyCiphertext: encryptSecret(input.apiKey!) } : {}),
          ...(key === "removed" ? { apiKeyCiphertext: null } : {}),
        },
      });
      if (count === 0)
        throw new ConflictError(
          "Someone else changed this teacher meanwhile: reload the page and edit it again.",
        );
      const updated = summary(await tx.provider.findUniqueOrThrow({ where: { id: input.id } }));
      await recordAudit(
        {
          actorId,
          action: "provider.updated",
          entityId: updated.id,
          data: auditData(updated, key),
        },
        tx,
      );
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name);
    throw error;
  }
}

/** Refused while any job references the provider: jobs record which teacher wrote their traces. */
export async function deleteProvider(id: string, actorId: string): Promise<void> {
  const inUse = (name: string, jobs: number) =>
    new ConflictError(
      `Teacher "${name}" is used by ${jobs} job${jobs === 1 ? "" : "s"} and cannot be deleted: ` +
        "jobs keep a record of the teacher that wrote their traces. Add a new teacher instead.",
    );
  const existing = await db().provider.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError("Teacher", id);
  try {
    await db().$transaction(async (tx) => {
      const jobs = await tx.job.count({ where: { providerId: id } });
      if (jobs > 0) throw inUse(existing.name, jobs);
      await tx.provider.delete({ where: { id } });
      await recordAudit(
        {
          actorId,
          action: "provider.deleted",
          entityId: id,
          data: auditData(summary(existing), existing.apiKeyCiphertext ? "set" : "none"),
        },
        tx,
      );
    });
  } catch (error) {
    // A job created between the count and the delete: the foreign key refuses it.
    if (isForeignKeyViolation(error)) throw inUse(existing.name, 1);
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2003";
}

/** The endpoint a caller is about to call: a job's, frozen at its launch. */
export type Endpoint = { kind: ProviderKind; baseUrl: string | null };

/**
 * Everything needed to call the provider, its key decrypted (keep it in memory only). With
 * `endpoint` (a job's frozen kind and base URL), the key is given only if that is still the
 * endpoint the teacher is saved with: a teacher moved since, with a key, is refused.
 */
export async function providerConfig(
  id: string,
  endpoint?: Endpoint,
): Promise<TeacherConfig & { name: string }> {
  const row = await db().provider.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Teacher", id);
  const saved = { kind: row.kind as ProviderKind, baseUrl: row.baseUrl };
  if (endpoint && row.apiKeyCiphertext && !sameEndpoint(endpoint, saved))
    throw moved(row.name, endpoint, saved);
  return {
    name: row.name,
    ...saved,
    ...endpoint,
    model: row.model,
    apiKey: row.apiKeyCiphertext ? decryptProviderKey(row.name, row.apiKeyCiphertext) : null,
  };
}

function moved(name: string, frozen: Endpoint, saved: Endpoint): ConflictError {
  const where = (e: Endpoint) => `${e.baseUrl ?? "the default endpoint"} (${e.kind})`;
  return new ConflictError(
    `Teacher "${name}" now points at ${where(saved)}, not at ${where(frozen)} where this job was ` +
      "launched, and its API key is only sent to the endpoint it is saved with. Cancel this job and " +
      "launch it again with the teacher as it is now.",
  );
}

function decryptProviderKey(name: string, ciphertext: string): string {
  try {
    return decryptSecret(ciphertext);
  } catch {
    throw new ConflictError(
      `Cannot decrypt the API key of teacher "${name}": did TRACEBANK_SECRET_KEY change? ` +
        "Re-enter the key on the Teachers page.",
    );
  }
}
