import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, InvalidInputError, NotFoundError, isUniqueViolation } from "../errors";
import {
  CreateReasonSchema,
  UpdateReasonSchema,
  type CreateReasonInput,
  type RejectReasonView,
  type UpdateReasonInput,
} from "./reason-schemas";

const ORDER = [{ position: "asc" }, { label: "asc" }] as const;

/** The taxonomy in key order: active reasons first (keys 1-9 follow this), retired ones after. */
export async function listRejectReasons(
  options: { includeRetired?: boolean } = {},
): Promise<RejectReasonView[]> {
  const rows = await db().rejectReason.findMany({
    where: options.includeRetired ? {} : { retiredAt: null },
    orderBy: [...ORDER],
  });
  const view = rows.map(toView);
  return [...view.filter((r) => !r.retired), ...view.filter((r) => r.retired)];
}

/** A reason a reviewer may reject with now; a retired or unknown one is refused. */
export async function activeReason(tx: Tx, id: string): Promise<{ id: string; label: string }> {
  const reason = await tx.rejectReason.findUnique({
    where: { id },
    select: { id: true, label: true, retiredAt: true },
  });
  if (!reason) throw new InvalidInputError("That reject reason no longer exists: pick another one.");
  if (reason.retiredAt)
    throw new InvalidInputError(`"${reason.label}" was retired by an admin: pick another reason.`);
  return reason;
}

export async function createRejectReason(
  input: CreateReasonInput,
  actorId: string,
): Promise<RejectReasonView> {
  const { label, description } = CreateReasonSchema.parse(input);
  return uniqueLabel(label, () =>
    db().$transaction(async (tx) => {
      const last = await tx.rejectReason.aggregate({ _max: { position: true } });
      const position = (last._max.position ?? 0) + 1;
      const created = await tx.rejectReason.create({
        data: { label, description: description || null, position },
      });
      await recordAudit(
        { actorId, action: "reason.created", entityId: created.id, data: { label, position } },
        tx,
      );
      return toView(created);
    }),
  );
}

/** Applies one change; moving renumbers the others so positions stay 1..n without gaps. */
export async function updateRejectReason(
  input: UpdateReasonInput,
  actorId: string,
): Promise<RejectReasonView> {
  const { id, label, description, position, retired } = UpdateReasonSchema.parse(input);
  return uniqueLabel(label ?? "", () =>
    db().$transaction(async (tx) => {
      const before = await tx.rejectReason.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("Reject reason", id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const data: { label?: string; description?: string | null; retiredAt?: Date | null } = {};
      if (label !== undefined && label !== before.label) {
        data.label = label;
        changes.label = { from: before.label, to: label };
      }
      if (description !== undefined && (description || null) !== before.description) {
        data.description = description || null;
        changes.description = { from: before.description, to: data.description };
      }
      if (retired !== undefined && retired !== Boolean(before.retiredAt)) {
        data.retiredAt = retired ? new Date() : null;
        changes.retired = { from: !retired, to: retired };
      }
      if (Object.keys(data).length) await tx.rejectReason.update({ where: { id }, data });
      if (position !== undefined && position !== before.position) {
        await move(tx, id, position);
        changes.position = { from: before.position, to: position };
      }
      if (!Object.keys(changes).length) throw new InvalidInputError("Nothing changed.");
      await recordAudit({ actorId, action: "reason.updated", entityId: id, data: { changes } }, tx);
      return toView(await tx.rejectReason.findUniqueOrThrow({ where: { id } }));
    }),
  );
}

async function move(tx: Tx, id: string, position: number): Promise<void> {
  const ids = (await tx.rejectReason.findMany({ orderBy: [...ORDER], select: { id: true } })).map(
    (r) => r.id,
  );
  const rest = ids.filter((other) => other !== id);
  rest.splice(Math.min(position - 1, rest.length), 0, id);
  for (const [index, other] of rest.entries()) {
    await tx.rejectReason.update({ where: { id: other }, data: { position: index + 1 } });
  }
}

async function uniqueLabel<T>(label: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A reason labelled "${label}" already exists.`);
    throw error;
  }
}

function toView(row: {
  id: string;
  label: string;
  description: string | null;
  position: number;
  retiredAt: Date | null;
}): RejectReasonView {
  return {
    id: row.id,
    label: row.label,
    description: row.description,
    position: row.position,
    retired: row.retiredAt !== null,
  };
}
