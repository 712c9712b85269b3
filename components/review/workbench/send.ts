import type { SendResult } from "@/lib/review/outbox";

/** POSTs JSON to one of our route handlers; a network failure throws (the outbox retries it). */
export async function postJson(path: string, body: unknown): Promise<SendResult> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (response.ok) return { ok: true, data };
  return {
    ok: false,
    status: response.status,
    error: data.error ?? `${response.status} ${response.statusText}`,
  };
}
