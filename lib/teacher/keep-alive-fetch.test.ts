import { describe, expect, it } from "vitest";
import { createTeacher } from "./";
import { keepAliveFetch } from "./keep-alive-fetch";
import { serveForTests } from "../testing/local-server";

const COMPLETION = {
  id: "chatcmpl-1",
  object: "chat.completion",
  model: "m",
  choices: [{ index: 0, message: { role: "assistant", content: "Moved fine." }, finish_reason: "stop" }],
  usage: { prompt_tokens: 3, completion_tokens: 2 },
};

// /moved/* answers 308 to /v1/*, as a proxy in front of a teacher may; /v1/* echoes what it got.
const site = serveForTests((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    if (req.url!.startsWith("/moved/")) {
      res.writeHead(308, { location: req.url!.replace("/moved/", "/v1/"), "content-length": "0" });
      return res.end();
    }
    const reply = req.url === "/v1/chat/completions" ? COMPLETION : { method: req.method, body };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(reply));
  });
});

describe("keepAliveFetch", () => {
  it("follows redirects like the global fetch, keeping the method and body of a 307/308", async () => {
    for (const fetcher of [fetch, keepAliveFetch]) {
      const response = await fetcher(`${site.url()}/moved/echo`, { method: "POST", body: '{"a":1}' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ method: "POST", body: '{"a":1}' });
    }
  });

  it("lets a teacher behind a redirecting base URL answer, as Test connection (global fetch) does", async () => {
    for (const fetcher of [undefined, keepAliveFetch]) {
      const teacher = createTeacher({
        kind: "openai",
        baseUrl: `${site.url()}/moved`,
        model: "m",
        fetch: fetcher,
      });
      const completion = await teacher.complete({ system: "", prompt: "p", temperature: 0, maxTokens: 8 });
      expect(completion.text).toBe("Moved fine.");
    }
  });
});
