import { notFound } from "next/navigation";
import { NotFoundError } from "../errors";

/** What a page loads, with a missing record turned into the 404 page rather than an error. */
export async function orNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
