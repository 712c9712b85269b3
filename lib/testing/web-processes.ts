// The web-server stand-in (web-process.ts) as a child process, and uploads to it (not used by the app).
import { request, type IncomingMessage } from "node:http";
import { sleep, spawnWorker, type WorkerProcess } from "./worker-processes";

export type WebProcess = WorkerProcess & { port: number };

/** Starts lib/testing/web-process.ts (in-process worker and import uploads); resolves once it listens. */
export async function spawnWebProcess(env: NodeJS.ProcessEnv, ms = 30_000): Promise<WebProcess> {
  const web = spawnWorker(env, "lib/testing/web-process.ts");
  let exited: number | string | undefined;
  void web.exited.then((how) => (exited = how));
  const deadline = Date.now() + ms;
  for (;;) {
    const port = /\[web-process\] listening on (\d+)/.exec(web.output())?.[1];
    if (port) return { ...web, port: Number(port) };
    if (exited !== undefined || Date.now() > deadline) {
      web.child.kill("SIGKILL");
      throw new Error(`the web process did not start (${exited ?? "timed out"}):\n${web.output()}`);
    }
    await sleep(20);
  }
}

export type UploadQuery = { set: string; actor: string; fileName: string };

/** Sends the whole file; resolves with the status and JSON body of the answer. */
export function upload(port: number, query: UploadQuery, body: Buffer) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = open(port, query, body.length, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Starts sending the file (announcing its full length) and sends `bytes` of it, then stops,
 * as a browser on a slow line would between two pieces. Returns the request's fate: what the
 * server answered, or the error the connection ended with.
 */
export function startUpload(port: number, query: UploadQuery, body: Buffer, bytes: number) {
  let fate: { status: number } | { error: Error } | undefined;
  const req = open(port, query, body.length, (res) => {
    res.resume();
    fate = { status: res.statusCode ?? 0 };
  });
  req.on("error", (error) => (fate ??= { error }));
  req.write(body.subarray(0, bytes));
  return { fate: () => fate, abort: () => req.destroy() };
}

function open(port: number, query: UploadQuery, length: number, onResponse: (res: IncomingMessage) => void) {
  const search = new URLSearchParams(query).toString();
  return request(
    {
      host: "127.0.0.1",
      port,
      method: "POST",
      path: `/import?${search}`,
      headers: { "content-type": "application/octet-stream", "content-length": String(length) },
    },
    onResponse,
  );
}
