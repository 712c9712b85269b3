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
  auth: "authentication_error",
  rate_limit: "rate_limit_error",
  server: "api_error",
  timeout: "timeout_error",
  bad_request: "invalid_request_error",
} as const;

const STOP_REASON = { stop: "end_turn", length: "max_tokens" } as const;
const SIGNATURE = "c2NyaXB0ZWQtc2lnbmF0dXJl";

type Plan = Parameters<Dialect["body"]>[1];

/** Content blocks of a reply: thinking (and a redacted block) first, then the text. */
function blocks(plan: Plan): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  if (plan.reasoning) {
    out.push({ type: "thinking", thinking: plan.reasoning.text, signature: SIGNATURE });
    if (plan.reasoning.form === "anthropic-redacted")
      out.push({ type: "redacted_thinking", data: SIGNATURE });
  }
  out.push({ type: "text", text: plan.text });
  return out;
}

function usage(plan: Plan, outputTokens = plan.outputTokens) {
  return {
    input_tokens: plan.inputTokens,
    output_tokens: outputTokens,
    ...(plan.reasoning ? { output_tokens_details: { thinking_tokens: plan.reasoning.tokens } } : {}),
  };
}

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

  body(call, plan, id) {
    return {
      id: `msg_scripted_${id}`,
      type: "message",
      role: "assistant",
      model: call.model,
      content: blocks(plan),
      stop_reason: STOP_REASON[plan.finishReason],
      stop_sequence: null,
      usage: usage(plan),
    };
  },

  events(call, plan, id) {
    const event = (type: string, data: object): SseEvent => [type, JSON.stringify({ type, ...data })];
    const events = [
      event("message_start", {
        message: {
          id: `msg_scripted_${id}`,
          type: "message",
          role: "assistant",
          model: call.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: usage(plan, 1),
        },
      }),
    ];
    blocks(plan).forEach((block, index) => {
      if (block.type === "thinking") {
        events.push(
          event("content_block_start", {
            index,
            content_block: { type: "thinking", thinking: "", signature: "" },
          }),
        );
        for (const thinking of pieces(block.thinking!)) {
          events.push(event("content_block_delta", { index, delta: { type: "thinking_delta", thinking } }));
        }
        events.push(
          event("content_block_delta", { index, delta: { type: "signature_delta", signature: SIGNATURE } }),
        );
      } else if (block.type === "redacted_thinking") {
        events.push(event("content_block_start", { index, content_block: block }));
      } else {
        events.push(event("content_block_start", { index, content_block: { type: "text", text: "" } }));
        if (index === 0) events.push(event("ping", {}));
        for (const text of pieces(block.text!)) {
          events.push(event("content_block_delta", { index, delta: { type: "text_delta", text } }));
        }
      }
      events.push(event("content_block_stop", { index }));
    });
    events.push(
      event("message_delta", {
        delta: { stop_reason: STOP_REASON[plan.finishReason], stop_sequence: null },
        usage: usage(plan),
      }),
      event("message_stop", {}),
    );
    return events;
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

  errorBody(kind, message) {
    return { type: "error", error: { type: ERROR_TYPES[kind], message } };
  },
};
