import "server-only";
import { z } from "zod";
import type { Completion } from "../teacher";
import type { JobConfig, Synthesis } from "./schemas";
import { EvolOperationSchema } from "./schemas";
import { evolInstruction } from "./synthesis/evol-operations";
import { parsePromptList, readRewrite, UnusableReplyError } from "./synthesis/replies";
import { fillTemplate, topLevelTopic } from "./synthesis/topics";
import { oneCallUsage, type ItemResult, type SynthesizedPrompt } from "./types";

export const TopicPayloadSchema = z.object({ topic: z.string().min(1), n: z.number().int().min(1) });
export const EvolPayloadSchema = z.object({ operation: EvolOperationSchema });

type Call = { system: string; prompt: string; toResult: (completion: Completion) => ItemResult };

/** The request of one synthesis item, and how its reply becomes prompts. */
export function synthesisCall(
  synthesis: Synthesis,
  payload: unknown,
  parent: { id: string; text: string; category: string | null } | null,
): Call {
  if (synthesis.method === "topic-graph") {
    const { topic, n } = TopicPayloadSchema.parse(payload);
    return {
      system: "",
      prompt: fillTemplate(synthesis.template, topic, n),
      toResult: (completion) => {
        const texts = parsePromptList(completion.text, n);
        if (texts.length === 0) {
          throw new UnusableReplyError(
            `The teacher's reply for “${topic}” held no list of prompts (expected a JSON array or a numbered list).`,
          );
        }
        const category = synthesis.category ?? topLevelTopic(topic);
        const prompts: SynthesizedPrompt[] = texts.map((text) => ({
          text,
          topic,
          operation: null,
          parentPromptId: null,
          category,
        }));
        return { kind: "prompts", prompts, completion, usage: oneCallUsage(completion) };
      },
    };
  }
  const { operation } = EvolPayloadSchema.parse(payload);
  if (!parent) throw new UnusableReplyError("The prompt this item rewrites no longer exists.");
  const instruction = synthesis.instructions?.[operation] ?? evolInstruction(operation);
  return {
    system: "",
    prompt: instruction.replaceAll("{prompt}", () => parent.text),
    toResult: (completion) => {
      const text = readRewrite(completion.text, parent.text);
      const prompt: SynthesizedPrompt = {
        text,
        topic: null,
        operation,
        parentPromptId: parent.id,
        category: parent.category,
      };
      return { kind: "prompts", prompts: [prompt], completion, usage: oneCallUsage(completion) };
    },
  };
}

export function synthesisOf(config: JobConfig): Synthesis {
  if (!config.synthesis) throw new UnusableReplyError("This synthesis job has no synthesis settings.");
  return config.synthesis;
}
