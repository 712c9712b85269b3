import { z } from "zod";

export const REASON_LABEL_MAX = 60;

/** Keys 1-9 reject with the first nine active reasons, in position order. */
export const REASON_KEYS = 9;

export type RejectReasonView = {
  id: string;
  label: string;
  description: string | null;
  position: number;
  retired: boolean;
};

const label = z
  .string()
  .trim()
  .min(1, "Give the reason a label.")
  .max(REASON_LABEL_MAX, `Keep the label under ${REASON_LABEL_MAX} characters.`);
const description = z.string().trim().max(300, "Keep the description under 300 characters.").optional();

export const CreateReasonSchema = z.object({ label, description });
export type CreateReasonInput = z.infer<typeof CreateReasonSchema>;

/** Rename, describe, move (to a 1-based place) or retire/restore one reason. */
export const UpdateReasonSchema = z.object({
  id: z.string().trim().min(1).max(200),
  label: label.optional(),
  description,
  position: z.number().int().min(1).max(1_000).optional(),
  retired: z.boolean().optional(),
});
export type UpdateReasonInput = z.infer<typeof UpdateReasonSchema>;
