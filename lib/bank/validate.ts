import type { z } from "zod";
import { InvalidInputError } from "../errors";
import { formatPath } from "./bank-file";

/** Parses input for a bank function; problems become one InvalidInputError naming each field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) =>
    i.path.length ? `${formatPath(i.path)}: ${i.message}` : i.message,
  );
  throw new InvalidInputError(problems.join("; "));
}
