import "server-only";
import { z } from "zod";
import { can, type Permission } from "../auth";
import { sessionUser, type SessionUser } from "../auth";
import { DomainError } from "../errors";
import { logError } from "../log";
import { checkRequest, sitePolicy } from "../security";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Handler<P, Q, B> = (args: {
  params: P;
  query: Q;
  /** The JSON body, parsed by `spec.body` (undefined without one). */
  body: B;
  user: SessionUser;
  request: Request;
}) => Promise<Response>;

const BODY_MAX_BYTES = 1_000_000;

/**
 * A route handler that refuses writes under a foreign Host or Origin (proxy.ts checks every
 * request first; this holds if a matcher or a refactor ever skips it), authenticates, checks the permission, and
 * validates path params and query string with zod before calling `handler`. Errors become JSON
 * `{ error }` responses.
 */
export function route<PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType = z.ZodUndefined>(
  spec: { permission: Permission; params: PS; query: QS; body?: BS },
  handler: Handler<z.infer<PS>, z.infer<QS>, z.infer<BS>>,
) {
  return async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const refusal = SAFE_METHODS.has(request.method) ? null : checkRequest(sitePolicy(), request);
      if (refusal) return json({ error: refusal.message }, refusal.status);
      const user = await sessionUser(request.headers);
      if (!user) return json({ error: "Sign in to continue." }, 401);
      if (!can(user.role, spec.permission)) {
        return json({ error: `Your role (${user.role}) does not allow this.` }, 403);
      }
      // Routes without dynamic segments get no params object from Next.js.
      const params = spec.params.safeParse((await context?.params) ?? {});
      const query = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!params.success) return json({ error: describe(params.error) }, 400);
      if (!query.success) return json({ error: describe(query.error) }, 400);
      let body: z.infer<BS> = undefined as z.infer<BS>;
      if (spec.body) {
        const read = await readJson(request);
        if ("error" in read) return json({ error: read.error }, read.status);
        const parsed = spec.body.safeParse(read.value);
        if (!parsed.success) return json({ error: describe(parsed.error) }, 400);
        body = parsed.data;
      }
      return await handler({ params: params.data, query: query.data, body, user, request });
    } catch (error) {
      if (error instanceof DomainError) return json({ error: error.message }, error.status);
      logError(`${request.method} ${new URL(request.url).pathname}`, error);
      return json({ error: "Something went wrong on the server; it has been logged." }, 500);
    }
  };
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** The request's JSON body, refused when too big or not JSON. */
async function readJson(request: Request): Promise<{ value: unknown } | { error: string; status: number }> {
  const tooBig = { error: `The request body is over ${BODY_MAX_BYTES / 1_000_000} MB.`, status: 413 };
  if (Number(request.headers.get("content-length") ?? 0) > BODY_MAX_BYTES) return tooBig;
  const text = await request.text();
  if (text.length > BODY_MAX_BYTES) return tooBig;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: "The request body is not JSON.", status: 400 };
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
}

export const NoParams = z.object({});
export const NoQuery = z.object({});
