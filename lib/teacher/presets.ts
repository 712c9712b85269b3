import type { ProviderKind } from "./schemas";

export type ProviderPreset = { id: string; label: string; kind: ProviderKind; baseUrl: string; hint: string };

/** Starting points for the "Add teacher" form: they fill in kind and base URL. */
export const PROVIDER_PRESETS: ProviderPreset[] = [
  {
    id: "openai",
    label: "OpenAI",
    kind: "openai",
    baseUrl: "https://api.openai.com/v1",
    hint: "e.g. gpt-4o-mini",
  },
  {
    id: "anthropic",
    label: "Anthropic",
    kind: "anthropic",
    baseUrl: "https://api.anthropic.com",
    hint: "e.g. claude-sonnet-4-5",
  },
  {
    id: "vllm",
    label: "vLLM",
    kind: "openai",
    baseUrl: "http://localhost:8000/v1",
    hint: "the model name vLLM serves, e.g. meta-llama/Llama-3.1-8B-Instruct",
  },
  {
    id: "ollama",
    label: "Ollama",
    kind: "openai",
    baseUrl: "http://localhost:11434/v1",
    hint: "e.g. llama3.1:8b",
  },
  {
    id: "llama-cpp",
    label: "llama.cpp server",
    kind: "openai",
    baseUrl: "http://localhost:8080/v1",
    hint: "any name; llama.cpp serves the model it loaded",
  },
  {
    id: "lm-studio",
    label: "LM Studio",
    kind: "openai",
    baseUrl: "http://localhost:1234/v1",
    hint: "the model identifier shown in LM Studio",
  },
  {
    id: "together",
    label: "Together",
    kind: "openai",
    baseUrl: "https://api.together.xyz/v1",
    hint: "e.g. meta-llama/Llama-3.3-70B-Instruct-Turbo",
  },
  {
    id: "openrouter",
    label: "OpenRouter",
    kind: "openai",
    baseUrl: "https://openrouter.ai/api/v1",
    hint: "e.g. openai/gpt-4o-mini",
  },
  {
    id: "custom",
    label: "Custom",
    kind: "openai",
    baseUrl: "",
    hint: "any OpenAI-compatible or Anthropic endpoint",
  },
];
