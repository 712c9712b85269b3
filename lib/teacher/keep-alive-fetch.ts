import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import zlib from "node:zlib";

// Pooled connections per host; a worker keeps up to its concurrency open.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: "lifo" }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: "lifo" }),
};

const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
// Captured at load, for what this fetch hands on (and in case someone replaces the global).
const nativeFetch = globalThis.fetch;

/**
 * `fetch` for the teacher SDKs over node:http with keep-alive connections. The SDKs' default
 * (the global fetch) costs about three times the CPU per request, which is what limits a worker
 * talking to a fast teacher. Handles what chat requests need (a string body, aborts, streamed
 * and compressed responses); anything else (uploads) goes to the global fetch.
 */
export const keepAliveFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = init?.body;
  const agent = agents[url.protocol as keyof typeof agents];
  if (input instanceof Request || !agent || (body != null && typeof body !== "string")) {
    return nativeFetch(input, init);
  }
  const signal = init?.signal ?? undefined;
  const follow = (init?.redirect ?? "follow") === "follow";
  const viaNativeFetch = () => nativeFetch(input, init);
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    if (body != null) headers["content-length"] = String(Buffer.byteLength(body));
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: init?.method ?? "GET",
      headers,
      agent,
    });
    const onAbort = () => request.destroy(abortReason(signal!) as Error);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? abortReason(signal) : error);
    });
    request.on("response", (response) => {
      response.on("close", () => signal?.removeEventListener("abort", onAbort));
      const responseHeaders = new Headers();
      for (const [key, value] of Object.entries(response.headers)) {
        if (value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(key, one);
      }
      const status = response.statusCode ?? 500;
      // Rare (a proxy in front of the teacher): the global fetch follows redirects as fetch must.
      if (follow && REDIRECT.has(status) && response.headers.location) {
        response.resume();
        return resolve(viaNativeFetch());
      }
      const init = { status, statusText: response.statusMessage ?? "", headers: responseHeaders };
      if (NULL_BODY.has(status)) {
        response.resume();
        return resolve(new Response(null, init));
      }
      const decoded = decode(response);
      if (/^text\/event-stream/i.test(response.headers["content-type"] ?? "")) {
        return resolve(new Response(Readable.toWeb(decoded) as ReadableStream<Uint8Array>, init));
      }
      // Whole bodies are read here: a Buffer makes a cheaper Response than a stream.
      const chunks: Buffer[] = [];
      decoded.on("data", (chunk: Buffer) => chunks.push(chunk));
      decoded.on("error", (error) => reject(signal?.aborted ? abortReason(signal) : error));
      decoded.on("end", () => resolve(new Response(Buffer.concat(chunks), init)));
    });
    request.end(body ?? undefined);
  });
};

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

function decode(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const pipe = (stream: NodeJS.ReadWriteStream) => {
    response.on("error", (error) => (stream as unknown as Readable).destroy(error));
    return response.pipe(stream) as unknown as Readable;
  };
  if (encoding === "gzip" || encoding === "x-gzip") return pipe(zlib.createGunzip());
  if (encoding === "deflate") return pipe(zlib.createInflate());
  if (encoding === "br") return pipe(zlib.createBrotliDecompress());
  return response;
}
