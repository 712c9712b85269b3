import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { recordAudit } from "./audit";
import type { AuditEntry } from "./schemas";

describe("the typed audit log", () => {
  it("takes the entity type from the action and stores the payload its schema allows", async () => {
    await recordAudit({
      actorId: null,
      action: "job.cancelled",
      entityId: "job-1",
      data: { cancelledItems: 3 },
    });
    const row = await db().auditEvent.findFirstOrThrow({ where: { entityId: "job-1" } });
    expect(row).toMatchObject({ action: "job.cancelled", entityType: "job", data: { cancelledItems: 3 } });
  });

  it("refuses a payload that does not match its action's schema, writing nothing", async () => {
    const wrong = { actorId: null, action: "job.cancelled", entityId: "job-2", data: { cancelled: "3" } };
    await expect(recordAudit(wrong as unknown as AuditEntry)).rejects.toThrow();
    expect(await db().auditEvent.count({ where: { entityId: "job-2" } })).toBe(0);
  });
});
