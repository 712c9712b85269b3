import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, type Dialect, type ErrorKind } from "./http";
import type { Script } from "./script";

/** What became of one request inside a provider batch. */
export type BatchOutcome =
  | { kind: "ok"; body: object }
  | { kind: "error"; status: number; errorKind: ErrorKind; message: string }
  /** timeout/stall faults: the request expired in the batch window. */
  | { kind: "expired" }
  /** drop fault: the provider never returns anything for it. */
  | { kind: "dropped" };

/** What the batch endpoints need from the server. */
export type BatchDeps = {
  url: string;
  script(): Script;
  /** Plans one request with the same rules and faults as a live call, counting it in the stats. */
  run(dialect: Dialect, body: unknown): BatchOutcome;
  /** Counts a batch API call; false (and a 401 sent) when the API key is wrong. */
  admit(req: IncomingMessage, res: ServerResponse, dialect: Dialect, endpoint: "files" | "batches"): boolean;
};

export const seconds = (ms = Date.now()) => Math.floor(ms / 1000);

export function notFound(res: ServerResponse, dialect: Dialect, what: string): void {
  sendJson(res, 404, dialect.errorBody("bad_request", `No such ${what}.`));
}

let sequence = 0;
/** Ids unique across servers in one process (tests run several). */
export const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++sequence).toString(36)}`;
