import { describe, expect, it } from "vitest";
import { db, dbKind } from "./client";
import { testDbKind } from "../testing/test-db";

describe("database client", () => {
  it("talks to the database the test run selected", () => {
    expect(dbKind()).toBe(testDbKind());
  });

  it("keeps a query issued elsewhere out of an open transaction that rolls back", async () => {
    const client = db();
    const failing = client
      .$transaction(async (tx) => {
        await tx.systemMessage.create({ data: { name: "inside", tags: [] } });
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await client.systemMessage.create({ data: { name: "outside", tags: [] } });
    expect(await failing).toBe("roll back");
    const names = (await client.systemMessage.findMany()).map((m) => m.name);
    expect(names).toEqual(["outside"]);
  });

  it("stores JSON columns on both databases", async () => {
    const created = await db().systemMessage.create({ data: { name: "json", tags: ["a", "b"] } });
    expect((await db().systemMessage.findUniqueOrThrow({ where: { id: created.id } })).tags).toEqual([
      "a",
      "b",
    ]);
  });
});
