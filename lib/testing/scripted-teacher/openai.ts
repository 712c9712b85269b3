import {
  asRecord,
  contentText,
  pieces,
  positiveInt,
  sendRaw,
  sendSse,
  type Dialect,
  type SseEvent,
} from "./http";

const ERROR_TYPES = {
  auth: ["invalid_request_error", "invalid_api_key"],
  rate_limit: ["rate_limit_error", "rate_limit_exceeded"],
  server: ["server_error", null],
  timeout: ["timeout", null],
  bad_request: ["invalid_request_error", null],
} as const;

/** OpenAI-compatible servers name the reasoning field either way; anthropic-* forms use the first. */
const fieldOf = (form: string) => (form === "field:reasoning" ? "reasoning" : "reasoning_content");

/** POST /v1/chat/completions, as OpenAI and the OpenAI-compatible servers answer it. */
export const openaiDialect: Dialect = {
  endpoint: "chatCompletions",

  parse(body) {
    const b = asRecord(body);
    if (!b || !Array.isArray(b.messages)) return "'messages' must be an array of chat messages";
    let system = "";
    let prompt = "";
    for (const raw of b.messages) {
      const m = asRecord(raw);
      if (!m) return "every message must be an object with a role and content";
      const text = contentText(m.content);
      if (m.role === "system" || m.role === "developer") system += (system ? "\n\n" : "") + text;
      else if (m.role === "user") prompt += (prompt ? "\n\n" : "") + text;
    }
    const options = asRecord(b.stream_options);
    return {
      system,
      prompt,
      model: typeof b.model === "string" ? b.model : "scripted-teacher",
      maxTokens: positiveInt(b.max_completion_tokens) ?? positiveInt(b.max_tokens),
      stream: b.stream === true,
      includeUsage: options?.include_usage === true,
    };
  },

  body(call, plan, id) {
    const message: Record<string, unknown> = { role: "assistant", content: plan.text, refusal: null };
    if (plan.reasoning) message[fieldOf(plan.reasoning.form)] = plan.reasoning.text;
    return {
      ...head(call, id),
      object: "chat.completion",
      choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
      usage: usage(plan),
    };
  },

  events(call, plan, id) {
    const top = head(call, id);
    const chunk = (choices: unknown[], extra?: object) =>
      JSON.stringify({ ...top, object: "chat.completion.chunk", choices, ...extra });
    const delta = (d: object) => chunk([{ index: 0, delta: d, finish_reason: null }]);
    const events: SseEvent[] = [[null, delta({ role: "assistant", content: "" })]];
    if (plan.reasoning) {
      const field = fieldOf(plan.reasoning.form);
      for (const piece of pieces(plan.reasoning.text)) events.push([null, delta({ [field]: piece })]);
    }
    for (const piece of pieces(plan.text)) events.push([null, delta({ content: piece })]);
    events.push([null, chunk([{ index: 0, delta: {}, finish_reason: plan.finishReason }])]);
    if (call.includeUsage) events.push([null, chunk([], { usage: usage(plan) })]);
    events.push([null, "[DONE]"]);
    return events;
  },

  malformed(res, call) {
    if (call.stream) sendSse(res, [[null, '{"id": "chatcmpl-scripted", "choices": [{"delta": {"con']]);
    else
      sendRaw(
        res,
        200,
        '{"id": "chatcmpl-scripted", "choices": [{"message": {"content": "The',
        "application/json",
      );
  },

  errorBody(kind, message) {
    const [type, code] = ERROR_TYPES[kind];
    return { error: { message, type, param: null, code } };
  },
};

function head(call: { model: string }, id: number) {
  const created = Math.floor(Date.now() / 1000);
  return { id: `chatcmpl-scripted-${id}`, created, model: call.model, system_fingerprint: null };
}

function usage(plan: Parameters<Dialect["body"]>[1]) {
  return {
    prompt_tokens: plan.inputTokens,
    completion_tokens: plan.outputTokens,
    total_tokens: plan.inputTokens + plan.outputTokens,
    ...(plan.reasoning ? { completion_tokens_details: { reasoning_tokens: plan.reasoning.tokens } } : {}),
  };
}
