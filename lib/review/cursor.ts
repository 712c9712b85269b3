import "server-only";
import { InvalidInputError } from "../errors";

/** A place in the review order (createdAt desc, id desc): the row a page starts after or before. */
export type ReviewPosition = { createdAt: Date; id: string };

/** Opaque to clients: base64url of `<epoch ms>.<id>`. */
export function encodeCursor(position: ReviewPosition): string {
  return Buffer.from(`${position.createdAt.getTime()}.${position.id}`, "utf8").toString("base64url");
}

export function decodeCursor(text: string): ReviewPosition {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.([\w-]{0,200})$/.exec(decoded);
  const createdAt = match ? new Date(Number(match[1])) : null;
  if (!match || !createdAt || Number.isNaN(createdAt.getTime()))
    throw new InvalidInputError("This list position is not valid: reload the list.");
  return { createdAt, id: match[2]! };
}
