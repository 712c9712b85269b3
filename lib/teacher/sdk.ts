import type * as AnthropicModule from "@anthropic-ai/sdk";
import type * as OpenAIModule from "openai";

/**
 * The providers' SDKs, loaded by a teacher's first call rather than with this domain: the two
 * take about 40 MB of RSS, which a process that never calls a teacher (an import on the command
 * line, a worker that only imports or deletes, the web server until someone launches a job) has
 * no use for.
 */
const loaded: { openai?: typeof OpenAIModule; anthropic?: typeof AnthropicModule } = {};

export async function openaiSdk(): Promise<typeof OpenAIModule> {
  return (loaded.openai ??= await import("openai"));
}

export async function anthropicSdk(): Promise<typeof AnthropicModule> {
  return (loaded.anthropic ??= await import("@anthropic-ai/sdk"));
}

/** The SDKs loaded so far: an error can only be one of an SDK's once that SDK is loaded. */
export function loadedSdks(): Readonly<typeof loaded> {
  return loaded;
}

/** A client made on first use (and then kept), from the SDK it needs. */
export function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let client: Promise<T> | undefined;
  // A failed load is tried again by the next call.
  return () =>
    (client ??= make().catch((error: unknown) => {
      client = undefined;
      throw error;
    }));
}
