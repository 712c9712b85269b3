import { asRecord, contentText, pieces, positiveInt, sendJson, sendRaw, sendSse, type Dialect } from "./http";

const ERROR_TYPES = {
  auth: "authentication_error",
  rate_limit: "rate_limit_error",
  server: "api_error",
  timeout: "timeout_error",
  bad_request: "invalid_request_error",
} as const;

const STOP_REASON = { stop: "end_turn", length: "max_tokens" } as const;

/** POST /v1/messages, as the Anthropic Messages API answers it. */
export const anthropicDialect: Dialect = {
  endpoint: "messages",

  parse(body) {
    const b = asRecord(body);
    if (!b || !Array.isArray(b.messages)) return "messages: Field required";
    const maxTokens = positiveInt(b.max_tokens);
    if (maxTokens === undefined) return "max_tokens: Field required";
    let prompt = "";
    for (const raw of b.messages) {
      const m = asRecord(raw);
      if (!m) return "messages: every message must be an object with a role and content";
      if (m.role === "user") prompt += (prompt ? "\n\n" : "") + contentText(m.content);
    }
    return {
      system: contentText(b.system),
      prompt,
      model: typeof b.model === "string" ? b.model : "scripted-teacher",
      maxTokens,
      stream: b.stream === true,
      includeUsage: true,
    };
  },

  reply(res, call, plan, n) {
    const id = `msg_scripted_${n}`;
    const stopReason = STOP_REASON[plan.finishReason];
    if (!call.stream) {
      sendJson(res, 200, {
        id,
        type: "message",
        role: "assistant",
        model: call.model,
        content: [{ type: "text", text: plan.text }],
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { input_tokens: plan.inputTokens, output_tokens: plan.outputTokens },
      });
      return;
    }
    const event = (type: string, data: object): [string, string] => [type, JSON.stringify({ type, ...data })];
    const events = [
      event("message_start", {
        message: {
          id,
          type: "message",
          role: "assistant",
          model: call.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: plan.inputTokens, output_tokens: 1 },
        },
      }),
      event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
      event("ping", {}),
    ];
    for (const text of pieces(plan.text)) {
      events.push(event("content_block_delta", { index: 0, delta: { type: "text_delta", text } }));
    }
    events.push(
      event("content_block_stop", { index: 0 }),
      event("message_delta", {
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: plan.outputTokens },
      }),
      event("message_stop", {}),
    );
    sendSse(res, events);
  },

  malformed(res, call) {
    if (call.stream) sendSse(res, [["message_start", '{"type": "message_start", "message": {"id": ']]);
    else
      sendRaw(
        res,
        200,
        '{"id": "msg_scripted", "type": "message", "content": [{"type": "te',
        "application/json",
      );
  },

  error(res, status, kind, message, headers) {
    sendJson(res, status, { type: "error", error: { type: ERROR_TYPES[kind], message } }, headers);
  },
};
