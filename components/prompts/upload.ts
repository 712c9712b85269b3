import type { ImportFormat, ImportMode } from "@/lib/prompts/schemas";

export type UploadProgress = { loaded: number; total: number };
export type Queued = { importId: string; jobId: string; status: "queued" };

/**
 * Sends the file itself as the request body with XMLHttpRequest, whose upload events report the
 * bytes sent (fetch has none). The server spools it and answers at once with the queued import.
 */
export function uploadPromptFile(
  promptSetId: string,
  file: File,
  options: { mode: ImportMode; format: ImportFormat | "auto" },
  onProgress: (progress: UploadProgress) => void,
): Promise<Queued> {
  const query = new URLSearchParams({ fileName: file.name, format: options.format, mode: options.mode });
  const xhr = new XMLHttpRequest();
  return new Promise((resolve, reject) => {
    xhr.open("POST", `/api/prompt-sets/${encodeURIComponent(promptSetId)}/import?${query}`);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) =>
      onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      const body = parse(xhr.responseText) as Partial<Queued> & { error?: string };
      if (xhr.status >= 200 && xhr.status < 300 && body.importId) return resolve(body as Queued);
      reject(new Error(body.error ?? `The upload failed (${xhr.status} ${xhr.statusText}).`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted: check the connection and try again."));
    xhr.onabort = () => reject(new Error("The upload was cancelled; nothing was imported."));
    xhr.send(file);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export const formatCount = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
