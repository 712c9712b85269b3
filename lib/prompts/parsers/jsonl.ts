import { decodeUtf8, NotUtf8Error, type ImportSource, type ParsedRow } from "./types";

/** A line this long cannot be a sensible prompt row; it is reported and skipped, not buffered. */
export const MAX_LINE_CHARS = 4_000_000;

const BLANK = /^\s*$/;

/** JSON Lines: one object per line; blank lines are skipped; a bad line does not stop the file. */
export async function* parseJsonl(source: ImportSource): AsyncGenerator<ParsedRow[]> {
  let line = 0;
  let rest = "";
  let overlong = false;
  try {
    for await (const text of decodeUtf8(source)) {
      const rows: ParsedRow[] = [];
      let start = 0;
      for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
        line++;
        const piece = rest ? rest + text.slice(start, nl) : text.slice(start, nl);
        rest = "";
        if (overlong) rows.push(tooLong(line));
        else readLine(piece, line, rows);
        overlong = false;
        start = nl + 1;
      }
      if (!overlong) {
        rest += text.slice(start);
        if (rest.length > MAX_LINE_CHARS) [rest, overlong] = ["", true];
      }
      if (rows.length) yield rows;
    }
    if (overlong || rest) {
      const rows: ParsedRow[] = [];
      if (overlong) rows.push(tooLong(line + 1));
      else readLine(rest, line + 1, rows);
      if (rows.length) yield rows;
    }
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    yield [{ line: line + 1, error: error.message, fatal: true }];
  }
}

function readLine(piece: string, line: number, rows: ParsedRow[]): void {
  if (BLANK.test(piece)) return;
  let value: unknown;
  try {
    value = JSON.parse(piece);
  } catch (error) {
    rows.push({ line, error: `invalid JSON (${(error as Error).message})` });
    return;
  }
  rows.push({ line, value });
}

const tooLong = (line: number): ParsedRow => ({
  line,
  error: `the line is longer than ${MAX_LINE_CHARS.toLocaleString("en-US")} characters`,
});
