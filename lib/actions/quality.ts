"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import {
  createRule,
  deleteRule,
  resolveCluster,
  setVerifySettings,
  startScan,
  toggleBenchmark,
  updateRule,
  uploadBenchmark,
} from "../quality";
import {
  BenchmarkToggleSchema,
  ResolveClusterSchema,
  RuleFieldsSchema,
  RuleIdSchema,
  SetVerifySettingsSchema,
  StartScanSchema,
  UpdateRuleSchema,
  UploadBenchmarkSchema,
} from "../quality/schemas";

// Quality: rules, benchmark sets, scans and clusters are admins' and curators' (quality:manage).

export const createRuleAction = authedAction
  .metadata({ name: "quality-rule-create", permission: "quality:manage" })
  .inputSchema(RuleFieldsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const rule = await createRule(parsedInput, ctx.user.id);
    revalidatePath("/quality/rules");
    return rule;
  });

export const updateRuleAction = authedAction
  .metadata({ name: "quality-rule-update", permission: "quality:manage" })
  .inputSchema(UpdateRuleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const rule = await updateRule(parsedInput, ctx.user.id);
    revalidatePath("/quality/rules");
    return rule;
  });

export const deleteRuleAction = authedAction
  .metadata({ name: "quality-rule-delete", permission: "quality:manage" })
  .inputSchema(RuleIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deleteRule(parsedInput, ctx.user.id);
    revalidatePath("/quality/rules");
  });

export const startScanAction = authedAction
  .metadata({ name: "quality-scan-start", permission: "quality:manage" })
  .inputSchema(StartScanSchema)
  .action(async ({ parsedInput, ctx }) => {
    const jobId = await startScan(parsedInput, ctx.user.id);
    revalidatePath("/jobs");
    return { jobId };
  });

export const uploadBenchmarkAction = authedAction
  .metadata({ name: "quality-benchmark-upload", permission: "quality:manage" })
  .inputSchema(UploadBenchmarkSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await uploadBenchmark(parsedInput, ctx.user.id);
    revalidatePath("/quality/benchmarks");
    return created;
  });

export const toggleBenchmarkAction = authedAction
  .metadata({ name: "quality-benchmark-toggle", permission: "quality:manage" })
  .inputSchema(BenchmarkToggleSchema)
  .action(async ({ parsedInput, ctx }) => {
    await toggleBenchmark(parsedInput, ctx.user.id);
    revalidatePath("/quality/benchmarks");
  });

export const resolveClusterAction = authedAction
  .metadata({ name: "quality-cluster-resolve", permission: "quality:manage" })
  .inputSchema(ResolveClusterSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await resolveCluster(parsedInput, ctx.user.id);
    revalidatePath("/quality/clusters");
    return result;
  });

export const setVerifySettingsAction = authedAction
  .metadata({ name: "quality-verify-settings", permission: "quality:manage" })
  .inputSchema(SetVerifySettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setVerifySettings(parsedInput, ctx.user.id);
    revalidatePath(`/prompts/${parsedInput.promptSetId}`);
  });
