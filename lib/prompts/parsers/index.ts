import { InvalidInputError } from "../../errors";
import type { ImportFormat } from "../schemas";
import { parseCsv } from "./csv";
import { parseJson } from "./json";
import { parseJsonl } from "./jsonl";
import type { ImportSource, ParsedRow } from "./types";

export { where, type ImportSource, type ParsedRow } from "./types";

const PARSERS: Record<ImportFormat, (source: ImportSource) => AsyncGenerator<ParsedRow[]>> = {
  jsonl: parseJsonl,
  csv: parseCsv,
  json: parseJson,
};

/** Records of a file, in batches, each with the line it starts on. */
export function parseRows(format: ImportFormat, source: ImportSource): AsyncGenerator<ParsedRow[]> {
  return PARSERS[format](source);
}

const EXTENSIONS: Record<string, ImportFormat> = {
  jsonl: "jsonl",
  ndjson: "jsonl",
  csv: "csv",
  json: "json",
};

/** "auto" picks the format by the file's extension. */
export function resolveFormat(format: ImportFormat | "auto", fileName: string): ImportFormat {
  if (format !== "auto") return format;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
  const found = EXTENSIONS[extension];
  if (!found)
    throw new InvalidInputError(
      `Cannot tell the format of "${fileName}" from its name: use a file ending in .jsonl, .ndjson, .csv or .json.`,
    );
  return found;
}
