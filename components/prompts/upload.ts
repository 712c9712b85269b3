import type { ImportFormat, ImportMode, ImportResult } from "@/lib/prompts/schemas";

/** Sends the file itself as the request body: the server reads it as a stream, never whole. */
export async function uploadPromptFile(
  promptSetId: string,
  file: File,
  options: { mode: ImportMode; format: ImportFormat | "auto" },
): Promise<ImportResult> {
  const query = new URLSearchParams({ fileName: file.name, format: options.format, mode: options.mode });
  const response = await fetch(`/api/prompt-sets/${encodeURIComponent(promptSetId)}/import?${query}`, {
    method: "POST",
    body: file,
    headers: { "content-type": file.type || "application/octet-stream" },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok)
    throw new Error(body.error ?? `The upload failed (${response.status} ${response.statusText}).`);
  return body as ImportResult;
}

export const formatCount = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
