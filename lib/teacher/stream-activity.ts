// The SDKs hide SSE comments (": keep-alive", OpenRouter's ": OPENROUTER PROCESSING") from the
// events they yield, so a stream watchdog that only sees events takes a server that is thinking
// quietly for a dead one. This fetch wrapper lets the watchdog see every byte instead: a streamed
// call marks its request with a header naming its watchdog, and the wrapper pokes it per chunk.

const HEADER = "x-tracebank-stream-watch";
const watchers = new Map<string, () => void>();
let nextId = 0;

/** Registers `touch` for one streamed request; send `headers` with it, `release` when done. */
export function registerStreamActivity(touch: () => void): {
  headers: Record<string, string>;
  release: () => void;
} {
  const id = String(++nextId);
  watchers.set(id, touch);
  return { headers: { [HEADER]: id }, release: () => watchers.delete(id) };
}

/** `inner` (the global fetch by default) with byte-level activity reported to a marked request's watchdog. */
export function activityFetch(inner?: typeof fetch): typeof fetch {
  return async (input, init) => {
    const send = inner ?? globalThis.fetch;
    // Most requests are not marked: look before copying headers (this is every call's path).
    if (!isMarked(init?.headers)) return send(input, init);
    const headers = new Headers(init?.headers);
    const id = headers.get(HEADER)!;
    headers.delete(HEADER);
    const response = await send(input, { ...init, headers });
    const touch = watchers.get(id);
    if (!touch || !response.body) return response;
    const watched = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          touch();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(watched, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function isMarked(headers: HeadersInit | undefined): boolean {
  if (!headers) return false;
  if (headers instanceof Headers) return headers.has(HEADER);
  if (Array.isArray(headers)) return headers.some(([key]) => key.toLowerCase() === HEADER);
  return Object.keys(headers).some((key) => key.toLowerCase() === HEADER);
}
