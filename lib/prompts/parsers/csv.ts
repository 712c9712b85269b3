import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { PROMPT_FIELDS } from "../schemas";
import type { ParsedRow } from "./types";
import { decodeUtf8, NotUtf8Error, type ImportSource } from "./utf8";

const TEXT_KEYS = new Set<string>(PROMPT_FIELDS.text.map((k) => k.toLowerCase()));
const YIELD_EVERY = 256;

/**
 * CSV with a header row (RFC 4180: quoted fields may hold commas, quotes and line breaks). Lines are
 * counted here rather than by csv-parse, which counts a CRLF inside a quoted field twice.
 */
export async function* parseCsv(source: ImportSource): AsyncGenerator<ParsedRow[]> {
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: 4_000_000 });
  const text = new CheckedText(source);
  const feeding = pipeline(Readable.from(text.decoded(), { objectMode: false }), parser).catch(() => {});
  let header: string[] | null = null;
  let line = 1; // where the next record starts
  let rows: ParsedRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + lineBreaks(record);
      // The record the bad byte cut short (its text ends on that byte's line) is not a record.
      if (text.badLine !== null && line - 1 >= text.badLine) break;
      if (record.every(isBlank)) continue;
      if (!header) {
        header = record.map((name) => name.trim());
        const problem = headerProblem(header);
        if (problem) {
          rows.push({ line: start, error: problem, fatal: true });
          break;
        }
        continue;
      }
      if (record.length !== header.length) {
        const fields = `${record.length} field${record.length === 1 ? "" : "s"}`;
        rows.push({ line: start, error: `has ${fields}, the header has ${header.length}` });
      } else {
        const value: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) value[header[i]!] = record[i]!;
        rows.push({ line: start, value });
      }
      if (rows.length >= YIELD_EVERY) {
        yield rows;
        rows = [];
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // A quote left open where a bad byte cut the text short is the bad byte's fault.
    if (text.badLine === null)
      rows.push({ line, error: `CSV syntax error: ${describeCsvError(error)}`, fatal: true });
  } finally {
    parser.destroy();
    await feeding;
  }
  if (text.badLine !== null && !rows.some((r) => r.fatal))
    rows.push({ line: text.badLine, error: new NotUtf8Error().message, fatal: true });
  if (rows.length) yield rows;
}

/**
 * The file as text for csv-parse (which would decode bad bytes as U+FFFD): on a byte that is not
 * UTF-8 the text simply ends, and `badLine` says which line the byte is on.
 */
class CheckedText {
  badLine: number | null = null;
  private breaks = 0;
  private lastWasCr = false;

  constructor(private readonly source: ImportSource) {}

  async *decoded(): AsyncGenerator<string> {
    try {
      for await (const text of decodeUtf8(this.source)) {
        this.count(text);
        yield text;
      }
    } catch (error) {
      if (!(error instanceof NotUtf8Error)) throw error;
      this.badLine = this.breaks + 1;
    }
  }

  /** Line breaks as lineBreaks() counts them, across pieces (a CRLF may be split between two). */
  private count(text: string): void {
    if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1) {
      if (text) this.lastWasCr = false;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 && this.lastWasCr)
        this.lastWasCr = false; // the LF of a CRLF
      else {
        if (c === 10 || c === 13) this.breaks++;
        this.lastWasCr = c === 13;
      }
    }
  }
}

function headerProblem(header: string[]): string | null {
  const seen = new Set<string>();
  for (const name of header) {
    const key = name.toLowerCase();
    if (!name) return "the header row has an empty column name";
    if (seen.has(key)) return `the header row names the column "${name}" twice`;
    seen.add(key);
  }
  if (!header.some((name) => TEXT_KEYS.has(name.toLowerCase())))
    return `the header row has no prompt text column (expected one of ${PROMPT_FIELDS.text.join(", ")})`;
  return null;
}

/** Line breaks inside quoted fields: CRLF, LF or a lone CR each end one line. */
function lineBreaks(record: string[]): number {
  let count = 0;
  for (const field of record) {
    if (field.indexOf("\n") === -1 && field.indexOf("\r") === -1) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  return count;
}

const isBlank = (field: string) => field.trim() === "";

const CSV_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_INVALID_CLOSING_QUOTE:
    'a closing quote is followed by other characters (write a quote inside a quoted field as "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a closing quote is followed by other characters",
  CSV_MAX_RECORD_SIZE: "a record is longer than 4,000,000 characters",
};

// csv-parse's own line numbers can be off (see above); ours point at the record that failed.
function describeCsvError(error: CsvError): string {
  return CSV_MESSAGES[error.code] ?? error.message.replace(/\s+at line \d+/g, "");
}
