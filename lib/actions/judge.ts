"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import {
  AddRubricVersionSchema,
  addRubricVersion,
  CreateRubricSchema,
  createRubric,
  StartJudgeSchema,
  startJudge,
} from "../quality";

const PAGE = "/quality/judge";

export const createRubricAction = authedAction
  .metadata({ name: "judge-rubric-create", permission: "quality:manage" })
  .inputSchema(CreateRubricSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await createRubric(parsedInput, ctx.user.id);
    revalidatePath(PAGE);
    return created;
  });

export const addRubricVersionAction = authedAction
  .metadata({ name: "judge-rubric-version", permission: "quality:manage" })
  .inputSchema(AddRubricVersionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await addRubricVersion(parsedInput, ctx.user.id);
    revalidatePath(PAGE);
    return saved;
  });

export const startJudgeAction = authedAction
  .metadata({ name: "judge-start", permission: "quality:manage" })
  .inputSchema(StartJudgeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const jobId = await startJudge(parsedInput, ctx.user.id);
    revalidatePath(PAGE);
    revalidatePath("/jobs");
    return { jobId };
  });
