import { asRecord, contentText, pieces, positiveInt, sendJson, sendRaw, sendSse, type Dialect } from "./http";

const ERROR_TYPES = {
  auth: ["invalid_request_error", "invalid_api_key"],
  rate_limit: ["rate_limit_error", "rate_limit_exceeded"],
  server: ["server_error", null],
  timeout: ["timeout", null],
  bad_request: ["invalid_request_error", null],
} as const;

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

  reply(res, call, plan, id) {
    const created = Math.floor(Date.now() / 1000);
    const usage = {
      prompt_tokens: plan.inputTokens,
      completion_tokens: plan.outputTokens,
      total_tokens: plan.inputTokens + plan.outputTokens,
    };
    const head = { id: `chatcmpl-scripted-${id}`, created, model: call.model, system_fingerprint: null };
    if (!call.stream) {
      sendJson(res, 200, {
        ...head,
        object: "chat.completion",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: plan.text, refusal: null },
            logprobs: null,
            finish_reason: plan.finishReason,
          },
        ],
        usage,
      });
      return;
    }
    const chunk = (choices: unknown[], extra?: object) =>
      JSON.stringify({ ...head, object: "chat.completion.chunk", choices, ...extra });
    const events: Array<[null, string]> = [
      [null, chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }])],
    ];
    for (const piece of pieces(plan.text)) {
      events.push([null, chunk([{ index: 0, delta: { content: piece }, finish_reason: null }])]);
    }
    events.push([null, chunk([{ index: 0, delta: {}, finish_reason: plan.finishReason }])]);
    if (call.includeUsage) events.push([null, chunk([], { usage })]);
    events.push([null, "[DONE]"]);
    sendSse(res, events);
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

  error(res, status, kind, message, headers) {
    const [type, code] = ERROR_TYPES[kind];
    sendJson(res, status, { error: { message, type, param: null, code } }, headers);
  },
};
