"use server";

import { authedAction } from "../next";
import { editTrace, EditTraceSchema } from "../traces";

// Decisions go through the review queue's route handlers (app/api/review/), sent in the
// background. Whoever may judge a trace may correct it (curators and reviewers alike). No
// revalidatePath: the review page reloads the edited trace itself, and other pages are dynamic.
export const editTraceAction = authedAction
  .metadata({ name: "trace-edit", permission: "review:decide" })
  .inputSchema(EditTraceSchema)
  .action(async ({ parsedInput, ctx }) => editTrace(parsedInput, ctx.user.id));
