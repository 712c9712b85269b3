/** Times are stored and shown in UTC, so server and browser render the same text. */
export function formatUtc(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—";
}

export function isActiveStatus(status: string | undefined): boolean {
  return status === "queued" || status === "running";
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
