import { expect } from "vitest";
import { TeacherError } from "./types";

/** The teacher's promise, settled: the TeacherError it failed with. */
export async function failure(promise: Promise<unknown>): Promise<TeacherError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeacherError);
  return error as TeacherError;
}
