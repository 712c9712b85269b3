import { expect, it } from "vitest";
import { createBatchTeacher } from "./batch-teacher";
import { serveForTests } from "../testing/local-server";

// Uploads and batch creation answer only once the whole (large) body is in: slower than a chat call.
const SLOW_MS = 600;
const site = serveForTests((req, res) => {
  req.resume();
  req.on("end", () => {
    const body =
      req.url === "/v1/files"
        ? { id: "file-1", object: "file", purpose: "batch" }
        : req.url === "/v1/batches"
          ? { id: "batch-1", object: "batch", status: "validating" }
          : { id: "msgbatch-1", type: "message_batch", processing_status: "in_progress" };
    setTimeout(
      () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      },
      req.url === "/v1/batches" ? 0 : SLOW_MS,
    );
  });
});

it.each(["openai", "anthropic"] as const)(
  "%s: submitting a batch gets the batch deadline, not the chat call's timeout",
  async (kind) => {
    const teacher = createBatchTeacher({
      kind,
      baseUrl: kind === "openai" ? `${site.url()}/v1` : site.url(),
      model: "m",
      timeoutMs: SLOW_MS / 3,
    });
    const request = { system: "", prompt: "p", temperature: 0, maxTokens: 8 };
    const submitted = await teacher.submit([{ customId: "item-1", request }]);
    expect(submitted.externalId).toBe(kind === "openai" ? "batch-1" : "msgbatch-1");
  },
);
