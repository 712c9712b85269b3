import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { createRejectReason, listRejectReasons, updateRejectReason } from "./reasons";

describe("the reject-reason taxonomy", () => {
  it("is seeded with the nine reasons, in key order", async () => {
    expect((await listRejectReasons()).map((r) => r.label)).toEqual([
      "Wrong answer",
      "Right answer by a shortcut",
      "Style without substance",
      "Hallucinated fact",
      "Refusal",
      "Truncated",
      "Contaminated",
      "Duplicate",
      "Other",
    ]);
  });

  it("an admin adds, moves, renames and retires reasons; positions stay 1..n; duplicates are refused", async () => {
    const admin = await createTestUser("admin");
    const added = await createRejectReason({ label: "Unsafe advice" }, admin.id);
    expect(added.position).toBe(10);
    await updateRejectReason({ id: added.id, position: 1 }, admin.id);
    await updateRejectReason({ id: "reason-other", label: "Something else", retired: true }, admin.id);
    const all = await listRejectReasons({ includeRetired: true });
    expect(all.map((r) => r.label).slice(0, 3)).toEqual([
      "Unsafe advice",
      "Wrong answer",
      "Right answer by a shortcut",
    ]);
    expect(all.at(-1)).toMatchObject({ label: "Something else", retired: true });
    expect((await listRejectReasons()).map((r) => r.label)).not.toContain("Something else");
    expect(all.map((r) => r.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expect(createRejectReason({ label: "Wrong answer" }, admin.id)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(updateRejectReason({ id: added.id }, admin.id)).rejects.toThrow(/Nothing changed/);
  });
});
