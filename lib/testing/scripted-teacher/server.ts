import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { anthropicDialect } from "./anthropic";
import { anthropicBatches } from "./anthropic-batches";
import type { BatchDeps } from "./batch-outcome";
import { readBody, sendError, sendJson, sendReply, type Dialect, type ErrorKind } from "./http";
import { openaiDialect } from "./openai";
import { openaiBatches } from "./openai-batches";
import { ScriptSchema, ScriptState, type Script, type ScriptInput } from "./script";
import { Ring } from "./ring";
import { StatsCollector, type RecordedRequest, type ScriptedTeacherStats } from "./stats";
import { Timeline, type Answered, type TimelineEntry } from "./timeline";

export type ScriptedTeacherOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  script?: ScriptInput;
  /** Shorthand for script.defaults.latencyMs. */
  latencyMs?: number | [number, number];
  /** One line per request on stdout; off by default (benchmarks). */
  log?: boolean;
};

export type ScriptedTeacher = {
  url: string;
  port: number;
  /** For OpenAI-compatible clients (the SDK appends /chat/completions). */
  baseUrlOpenAI: string;
  /** For the Anthropic SDK (it appends /v1/messages). */
  baseUrlAnthropic: string;
  /** Replaces the script; rule counts and the random sequence start over. */
  setScript(script: ScriptInput): void;
  script(): Script;
  stats(): ScriptedTeacherStats;
  /** The last requests' bodies as received, oldest first (script.keepRequests of them). */
  lastRequests(): RecordedRequest[];
  /**
   * Each chat/messages request's arrival, in-flight count and answer, oldest first
   * (script.keepTimeline of them; GET /__control/timeline). Apart from stats() to keep that cheap.
   */
  timeline(): TimelineEntry[];
  /** Stats and timeline back to empty. */
  resetStats(): void;
  /** Stats, timeline, rule counts, random sequence and bursts back to their start (POST /__control/reset). */
  reset(): void;
  close(): Promise<void>;
};

/** How the scripted teacher answers the error faults, live and inside batches. */
const SCRIPTED_ERRORS = {
  "429": { status: 429, errorKind: "rate_limit", message: "Rate limit reached (scripted)." },
  "400": {
    status: 400,
    errorKind: "bad_request",
    message: "The scripted teacher refused this request on purpose.",
  },
  "500": { status: 500, errorKind: "server", message: "The scripted teacher failed on purpose." },
} as const satisfies Record<string, { status: number; errorKind: ErrorKind; message: string }>;

/**
 * A fake LLM over real HTTP for tests and benchmarks: OpenAI chat completions and Anthropic
 * messages (plain and streaming), their batch APIs, answers and faults decided by a script
 * (script.ts).
 */
export async function startScriptedTeacher(options: ScriptedTeacherOptions = {}): Promise<ScriptedTeacher> {
  const parse = (input: ScriptInput) => {
    const script = ScriptSchema.parse(input);
    if (options.latencyMs !== undefined && input.defaults?.latencyMs === undefined) {
      script.defaults.latencyMs = options.latencyMs;
    }
    return new ScriptState(script);
  };
  let state = parse(options.script ?? {});
  const stats = new StatsCollector();
  const recent = new Ring<RecordedRequest>(state.script.keepRequests);
  const timeline = new Timeline(state.script.keepTimeline);
  let counter = 0;

  const keyAccepted = (req: IncomingMessage, key: string) =>
    req.headers.authorization === `Bearer ${key}` || req.headers["x-api-key"] === key;

  async function completion(dialect: Dialect, req: IncomingMessage, res: ServerResponse) {
    const done = stats.begin(dialect.endpoint);
    const entry = timeline.arrive(dialect.endpoint, stats.inFlight);
    let timer: NodeJS.Timeout | undefined;
    res.on("close", () => {
      done();
      if (timer) clearTimeout(timer);
    });
    // Every answer goes through here, so the timeline has its status and send time.
    const answer = (send: () => void, extra?: Answered) => {
      send();
      if (res.headersSent) timeline.answered(entry, res.statusCode, extra);
    };
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      stats.outcome("400");
      return answer(() => sendError(res, dialect, 400, "bad_request", "The request body is not valid JSON."));
    }
    recent.add({ endpoint: dialect.endpoint, body });
    const call = dialect.parse(body);
    if (typeof call === "string") {
      stats.outcome("400");
      return answer(() => sendError(res, dialect, 400, "bad_request", call));
    }
    const { requireApiKey } = state.script;
    if (requireApiKey !== undefined && !keyAccepted(req, requireApiKey)) {
      stats.outcome("401");
      return answer(() => sendError(res, dialect, 401, "auth", "Incorrect API key provided."));
    }
    const plan = state.plan(call);
    const id = ++counter;
    if (options.log) console.log(`[scripted-teacher] #${id} ${dialect.endpoint} -> ${plan.kind}`);
    if (plan.kind === "timeout") {
      stats.outcome("timeout");
      const message = "The scripted teacher held this request until it timed out.";
      timer = setTimeout(
        () => answer(() => sendError(res, dialect, 504, "timeout", message)),
        plan.timeoutMs,
      );
      return;
    }
    let respond: () => void;
    if (plan.kind === "429" || plan.kind === "400" || plan.kind === "500") {
      stats.outcome(plan.kind);
      const { status, errorKind, message } = SCRIPTED_ERRORS[plan.kind];
      const headers = plan.kind === "429" ? { "retry-after": String(plan.retryAfterSeconds) } : undefined;
      const extra =
        plan.kind === "429" ? { retryAfterSeconds: plan.retryAfterSeconds, burst: plan.burst } : {};
      respond = () => answer(() => sendError(res, dialect, status, errorKind, message, headers), extra);
    } else if (plan.kind === "malformed") {
      stats.outcome("malformed");
      respond = () => answer(() => dialect.malformed(res, call));
    } else {
      stats.outcome(
        plan.cut ? "malformed" : plan.finishReason === "length" ? "truncated" : "ok",
        plan.inputTokens + plan.outputTokens,
      );
      respond = () => {
        answer(() => sendReply(res, dialect, call, plan, id));
        // A stalled stream stays open until the client gives up (or the fault's timeout).
        if (plan.cut === "stall") timer = setTimeout(() => res.destroy(), state.script.faults.timeoutMs);
      };
    }
    if (plan.latencyMs > 0) timer = setTimeout(respond, plan.latencyMs);
    else respond();
  }

  const batchDeps: BatchDeps = {
    get url() {
      return url;
    },
    script: () => state.script,
    admit(req, res, dialect, endpoint) {
      stats.begin(endpoint)();
      const { requireApiKey } = state.script;
      if (requireApiKey === undefined || keyAccepted(req, requireApiKey)) return true;
      sendError(res, dialect, 401, "auth", "Incorrect API key provided.");
      return false;
    },
    run(dialect, body) {
      recent.add({ endpoint: "batch", body });
      const call = dialect.parse(body);
      if (typeof call === "string") {
        stats.outcome("400");
        return { kind: "error", status: 400, errorKind: "bad_request", message: call };
      }
      const plan = state.plan({ ...call, stream: false, batch: true });
      if (plan.kind === "timeout") {
        stats.outcome("timeout");
        return { kind: plan.fault === "drop" ? "dropped" : "expired" };
      }
      if (plan.kind !== "reply") {
        stats.outcome(plan.kind);
        // No malformed body inside a batch: the provider reports a server error instead.
        return { kind: "error", ...SCRIPTED_ERRORS[plan.kind === "malformed" ? "500" : plan.kind] };
      }
      stats.outcome(
        plan.finishReason === "length" ? "truncated" : "ok",
        plan.inputTokens + plan.outputTokens,
      );
      return { kind: "ok", body: dialect.body({ ...call, stream: false }, plan, ++counter) };
    },
  };
  const batchRoutes = [openaiBatches(batchDeps), anthropicBatches(batchDeps)];

  async function control(path: string, req: IncomingMessage, res: ServerResponse) {
    if (path === "/__control/stats" && req.method === "GET") return sendJson(res, 200, stats.snapshot());
    if (path === "/__control/requests" && req.method === "GET") return sendJson(res, 200, recent.list());
    if (path === "/__control/timeline" && req.method === "GET") return sendJson(res, 200, timeline.list());
    if (path === "/__control/reset" && req.method === "POST") {
      handle.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === "/__control/script" && req.method === "POST") {
      try {
        handle.setScript(JSON.parse(await readBody(req)));
      } catch (error) {
        return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { error: `No control endpoint ${req.method} ${path}` });
  }

  function models(res: ServerResponse) {
    stats.begin("models")();
    sendJson(res, 200, {
      object: "list",
      data: [{ id: "scripted-teacher", object: "model", created: 0, owned_by: "tracebank" }],
    });
  }

  const server = createServer({ noDelay: true, keepAliveTimeout: 30_000 }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    let work: Promise<void> | void = undefined;
    if (req.method === "POST" && path === "/v1/chat/completions") work = completion(openaiDialect, req, res);
    else if (req.method === "POST" && path === "/v1/messages") work = completion(anthropicDialect, req, res);
    else if (req.method === "GET" && path === "/v1/models") work = models(res);
    else if (path.startsWith("/__control/")) work = control(path, req, res);
    else {
      let handled: Promise<void> | boolean = false;
      for (const route of batchRoutes) if ((handled = route(req, res, path)) !== false) break;
      if (handled === false)
        sendJson(res, 404, { error: { message: `Unknown endpoint ${req.method} ${path}` } });
      else if (handled !== true) work = handled;
    }
    if (work) work.catch(() => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const handle: ScriptedTeacher = {
    url,
    port,
    baseUrlOpenAI: `${url}/v1`,
    baseUrlAnthropic: url,
    setScript: (script) => {
      state = parse(script);
      recent.resize(state.script.keepRequests);
      timeline.resize(state.script.keepTimeline);
    },
    script: () => state.script,
    stats: () => stats.snapshot(),
    lastRequests: () => recent.list(),
    timeline: () => timeline.list(),
    resetStats: () => {
      stats.reset();
      timeline.clear();
    },
    reset: () => {
      handle.resetStats();
      state.reset();
      recent.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return handle;
}
