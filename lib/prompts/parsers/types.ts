export { decodeUtf8, NotUtf8Error, type ImportSource } from "./utf8";

/**
 * One record from a file: a value to map, or an error for that record (the file reads on), or a
 * fatal error (the file cannot be read past this point). `line` is where the record starts;
 * `item` is a 1-based position inside a JSON array.
 */
export type ParsedRow = {
  line: number;
  item?: number;
  value?: unknown;
  error?: string;
  fatal?: true;
};

/** "line 12" or "item 17 (line 230)": how messages point at a record. */
export function where(row: Pick<ParsedRow, "line" | "item">): string {
  return row.item === undefined ? `line ${row.line}` : `item ${row.item} (line ${row.line})`;
}
