/** Times are stored and shown in UTC, so server and browser render the same text. */
export function formatUtc(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—";
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
