import "server-only";
import { recordAudit } from "../../audit";
import { db, type Tx } from "../../db";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError } from "../../errors";
import { DEFAULT_RUBRICS } from "./default-rubrics";
import {
  AddRubricVersionSchema,
  CreateRubricSchema,
  type AddRubricVersionInput,
  type CreateRubricInput,
  type FrozenRubric,
} from "./schemas";

export type RubricVersionView = {
  id: string;
  version: number;
  instructions: string;
  scale: number;
  passScore: number;
  createdAt: Date;
  /** Traces judged under this version. */
  scores: number;
};

export type RubricView = { id: string; name: string; createdAt: Date; versions: RubricVersionView[] };

const nameTaken = (name: string) =>
  new ConflictError(`A rubric named "${name}" already exists. Choose another name, or add a version to it.`);

/**
 * Seeds the default rubrics (Correctness, Quality of steps, Educational value) into an empty
 * table only; idempotent and safe when two requests seed at once (the unique name refuses one).
 */
export async function ensureDefaultRubrics(): Promise<{ created: number }> {
  if ((await db().judgeRubric.count()) > 0) return { created: 0 };
  try {
    return await db().$transaction(async (tx) => {
      if ((await tx.judgeRubric.count()) > 0) return { created: 0 };
      for (const r of DEFAULT_RUBRICS) {
        const { instructions, scale, passScore } = r;
        await tx.judgeRubric.create({
          data: { name: r.name, versions: { create: { version: 1, instructions, scale, passScore } } },
        });
      }
      return { created: DEFAULT_RUBRICS.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { created: 0 };
    throw error;
  }
}

/** A new rubric and its version 1. */
export async function createRubric(
  input: CreateRubricInput,
  actorId: string | null,
): Promise<{ id: string; versionId: string }> {
  const { name, instructions, scale, passScore } = CreateRubricSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.judgeRubric.create({
        data: {
          name,
          versions: { create: { version: 1, instructions, scale, passScore, createdById: actorId } },
        },
        select: { id: true, versions: { select: { id: true } } },
      });
      await recordAudit(
        { actorId, action: "quality.rubric-created", entityId: created.id, data: { name, scale, passScore } },
        tx,
      );
      return { id: created.id, versionId: created.versions[0]!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Appends version N+1; earlier versions (and the scores made under them) are never touched. */
export async function addRubricVersion(
  input: AddRubricVersionInput,
  actorId: string | null,
): Promise<{ id: string; version: number }> {
  const { rubricId, baseVersion, instructions, scale, passScore } = AddRubricVersionSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const latest = await lockAndReadLatest(tx, rubricId);
      if (baseVersion !== undefined && latest && latest.version !== baseVersion) {
        throw new ConflictError(
          `Someone else saved version ${latest.version} while you were editing version ${baseVersion}. Reload to see it, then apply your change again.`,
        );
      }
      if (
        latest &&
        latest.instructions === instructions &&
        latest.scale === scale &&
        latest.passScore === passScore
      ) {
        throw new InvalidInputError(`This is version ${latest.version} as it is; there is nothing to save.`);
      }
      const version = (latest?.version ?? 0) + 1;
      const created = await tx.judgeRubricVersion.create({
        data: { rubricId, version, instructions, scale, passScore, createdById: actorId },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId,
          action: "quality.rubric-version-created",
          entityId: rubricId,
          data: { version, scale, passScore, versionId: created.id },
        },
        tx,
      );
      return { id: created.id, version };
    });
  } catch (error) {
    // A concurrent save took the same number: the unique key refused ours.
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "Someone else saved a version at the same moment. Reload to see it, then save again.",
      );
    }
    throw error;
  }
}

// Rewriting the name as it is takes the row lock on PostgreSQL, so concurrent saves take turns.
async function lockAndReadLatest(tx: Tx, rubricId: string) {
  const rubric = await tx.judgeRubric.findUnique({ where: { id: rubricId }, select: { name: true } });
  if (!rubric) throw new NotFoundError("Rubric", rubricId);
  await tx.judgeRubric.update({ where: { id: rubricId }, data: { name: rubric.name } });
  return tx.judgeRubricVersion.findFirst({
    where: { rubricId },
    orderBy: { version: "desc" },
    select: { version: true, instructions: true, scale: true, passScore: true },
  });
}

/** Every rubric by name, its versions newest first, with how many traces each has scored. */
export async function listRubrics(): Promise<RubricView[]> {
  const rows = await db().judgeRubric.findMany({
    orderBy: { name: "asc" },
    include: {
      versions: { orderBy: { version: "desc" }, include: { _count: { select: { scores: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    versions: r.versions.map(({ _count, rubricId: _r, createdById: _c, ...v }) => ({
      ...v,
      scores: _count.scores,
    })),
  }));
}

/** A rubric version as a job freezes it. */
export async function frozenRubric(versionId: string): Promise<FrozenRubric> {
  const row = await db().judgeRubricVersion.findUnique({
    where: { id: versionId },
    include: { rubric: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("Rubric version", versionId);
  const { rubricId, version, instructions, scale, passScore } = row;
  return { rubricId, name: row.rubric.name, version, instructions, scale, passScore };
}
