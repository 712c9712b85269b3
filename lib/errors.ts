/**
 * Expected failures: their messages are written for people and are shown as they are.
 * Anything else is logged with context and shown as a generic message (lib/actions/client.ts).
 */
export class DomainError extends Error {
  readonly status: number = 400;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  override readonly status = 404;
  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} was not found.` : `${what} was not found.`);
  }
}

export class UnauthenticatedError extends DomainError {
  override readonly status = 401;
  constructor() {
    super("Sign in to continue.");
  }
}

export class ForbiddenError extends DomainError {
  override readonly status = 403;
}

export class ConflictError extends DomainError {
  override readonly status = 409;
}

/** Input that parsed but cannot be used: a bad file row, an empty selection, a wrong state. */
export class InvalidInputError extends DomainError {
  override readonly status = 422;
}

/** A unique constraint refused the write: P2002 from a model query, P2010 with the driver's kind from raw SQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  if (error.code === "P2002") return true;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta;
  return error.code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
