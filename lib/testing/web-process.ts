// A stand-in for the web server in restart tests (not used by the app), run as a process of its
// own so a test can SIGKILL it: the in-process worker started as `next start` starts it
// (lib/server/start.ts, from instrumentation.ts), and uploads taken as the import route handler
// takes them (app/api/prompt-sets/[id]/import/route.ts: the body streamed into receiveImport,
// its Content-Length as the expected size). Sign-in and the role check are left out: the route
// runs them before it reads a byte.
//   WEB_PROCESS_PORT=<port> node --conditions=react-server --import tsx lib/testing/web-process.ts
//   POST /import?set=<prompt set id>&actor=<user id>&fileName=<name>   (the file as the body)
import { createServer } from "node:http";
import { DomainError } from "../errors";
import { logError } from "../log";
import { receiveImport } from "../prompts";
import { maxUploadBytes } from "../prompts/spool";
import { startWebProcess } from "../server/start";

startWebProcess();

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://web-process");
  const reply = (status: number, body: unknown) =>
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (request.method !== "POST" || url.pathname !== "/import") return reply(404, { error: "not found" });
  const length = request.headers["content-length"];
  receiveImport({
    promptSetId: url.searchParams.get("set") ?? "",
    fileName: url.searchParams.get("fileName") ?? "upload.jsonl",
    format: "auto",
    mode: "all-or-nothing",
    source: request,
    expectedBytes: length && /^\d+$/.test(length) ? Number(length) : null,
    maxBytes: maxUploadBytes(),
    actorId: url.searchParams.get("actor"),
  }).then(
    (started) => reply(202, started),
    (error: unknown) => {
      if (error instanceof DomainError) return reply(error.status, { error: error.message });
      logError("POST /import", error);
      reply(500, { error: "Something went wrong on the server; it has been logged." });
    },
  );
});

const port = Number(process.env.WEB_PROCESS_PORT ?? 0);
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`[web-process] listening on ${typeof address === "object" && address ? address.port : port}`);
});
