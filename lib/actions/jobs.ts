"use server";

import { revalidatePath } from "next/cache";
import { LaunchJobSchema, LaunchSynthesisSchema } from "../generation/schemas";
import { cancelJob, launchJob, launchSynthesis, pauseJob, resumeJob, retryFailedItems } from "../jobs";
import { JobRefSchema } from "../runner/schemas";
import { authedAction } from "../next";

export const launchJobAction = authedAction
  .metadata({ name: "launch-job", permission: "jobs:launch" })
  .inputSchema(LaunchJobSchema)
  .action(async ({ parsedInput, ctx }) => {
    const jobId = await launchJob(parsedInput, ctx.user.id);
    revalidatePath("/jobs");
    return { jobId };
  });

export const launchSynthesisAction = authedAction
  .metadata({ name: "launch-synthesis", permission: "jobs:launch" })
  .inputSchema(LaunchSynthesisSchema)
  .action(async ({ parsedInput, ctx }) => {
    const jobId = await launchSynthesis(parsedInput, ctx.user.id);
    revalidatePath("/jobs");
    revalidatePath("/prompts");
    return { jobId };
  });

export const cancelJobAction = authedAction
  .metadata({ name: "cancel-job", permission: "jobs:launch" })
  .inputSchema(JobRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await cancelJob(parsedInput.jobId, ctx.user.id);
    revalidatePath(`/jobs/${parsedInput.jobId}`);
    return result;
  });

export const retryFailedItemsAction = authedAction
  .metadata({ name: "retry-failed-items", permission: "jobs:launch" })
  .inputSchema(JobRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await retryFailedItems(parsedInput.jobId, ctx.user.id);
    revalidatePath(`/jobs/${parsedInput.jobId}`);
    return result;
  });

export const pauseJobAction = authedAction
  .metadata({ name: "pause-job", permission: "jobs:launch" })
  .inputSchema(JobRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await pauseJob(parsedInput.jobId, ctx.user.id);
    revalidatePath(`/jobs/${parsedInput.jobId}`);
    revalidatePath("/jobs");
  });

export const resumeJobAction = authedAction
  .metadata({ name: "resume-job", permission: "jobs:launch" })
  .inputSchema(JobRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await resumeJob(parsedInput.jobId, ctx.user.id);
    revalidatePath(`/jobs/${parsedInput.jobId}`);
    revalidatePath("/jobs");
  });
