import "server-only";
import { headers } from "next/headers";
import { createSafeActionClient, DEFAULT_SERVER_ERROR_MESSAGE } from "next-safe-action";
import { z } from "zod";
import { can, PermissionSchema } from "../auth";
import { sessionUser } from "../auth";
import { DomainError, ForbiddenError, UnauthenticatedError } from "../errors";
import { logError } from "../log";
import { checkRequest, sitePolicy } from "../security";

/**
 * Every mutation from the UI goes through here: the request's Host and Origin are checked (as
 * proxy.ts does first), the input is parsed by the action's zod schema, the caller is
 * authenticated and their role checked against the action's permission, and only expected
 * (DomainError) messages reach the browser.
 */
export const publicAction = createSafeActionClient({
  defineMetadataSchema: () => z.object({ permission: PermissionSchema.optional(), name: z.string() }),
  handleServerError(error, { metadata }) {
    if (error instanceof DomainError) return error.message;
    logError(`action ${metadata?.name ?? "?"} failed`, error);
    return DEFAULT_SERVER_ERROR_MESSAGE;
  },
}).use(async ({ next }) => {
  // Server Actions are POSTs: the write rules apply.
  const refusal = checkRequest(sitePolicy(), { method: "POST", headers: await headers() });
  if (refusal) throw new ForbiddenError(refusal.message);
  return next();
});

export const authedAction = publicAction.use(async ({ next, metadata }) => {
  const user = await sessionUser(await headers());
  if (!user) throw new UnauthenticatedError();
  if (!metadata.permission) throw new Error(`action ${metadata.name} declares no permission`);
  if (!can(user.role, metadata.permission)) {
    throw new ForbiddenError(`Your role (${user.role}) does not allow this.`);
  }
  return next({ ctx: { user } });
});
