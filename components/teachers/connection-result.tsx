import type { ConnectionResult } from "@/lib/teacher";
import { Notice } from "../ui/notice";

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}...` : text);

/** The outcome of "Test connection", inline where it was asked for. */
export function ConnectionResultNotice({ result }: { result: ConnectionResult }) {
  if (!result.ok) return <Notice tone="error">Connection failed: {result.error}</Notice>;
  return (
    <Notice tone="success">
      Connected in {result.latencyMs} ms: {result.model} replied &ldquo;{short(result.reply) || "(empty)"}
      &rdquo;.
    </Notice>
  );
}
