// For this folder's tests: one plain request to either wire format, the answer read whole.

export type Answer = { status: number; retryAfter: string | null; body: unknown };

export async function ask(
  url: string,
  endpoint: "chatCompletions" | "messages",
  prompt: string,
  signal?: AbortSignal,
): Promise<Answer> {
  const res = await fetch(url + (endpoint === "messages" ? "/v1/messages" : "/v1/chat/completions"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "m", max_tokens: 100, messages: [{ role: "user", content: prompt }] }),
    signal,
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

/** Even requests to OpenAI, odd ones to Anthropic, so every sequence covers both. */
export const endpointFor = (i: number) => (i % 2 === 0 ? "chatCompletions" : "messages");

/** `count` requests one after another. */
export async function askInTurn(url: string, count: number, prompt = (i: number) => `question ${i}`) {
  const answers: Answer[] = [];
  for (let i = 0; i < count; i++) answers.push(await ask(url, endpointFor(i), prompt(i)));
  return answers;
}

/** Runs of equal values: [200, 200, 429] -> [{ value: 200, length: 2 }, { value: 429, length: 1 }]. */
export function runs<T>(values: T[]): Array<{ value: T; length: number }> {
  const out: Array<{ value: T; length: number }> = [];
  for (const value of values) {
    const last = out.at(-1);
    if (last && last.value === value) last.length++;
    else out.push({ value, length: 1 });
  }
  return out;
}
