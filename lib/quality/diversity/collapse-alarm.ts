import { z } from "zod";
import type { DiversitySummary } from "./accumulator";

/**
 * When a set of traces has collapsed onto one shape. Nothing is judged under `minTraces`.
 * alarm: one opening shared by `openingAlarmShare` of the traces (default half), the top five
 * templates covering `templateAlarmShare` (80%), or windowed distinct-2 under
 * `distinct2AlarmBelow` (0.1). warn: the same at `openingWarnShare` (25%),
 * `templateWarnShare` (50%), `distinct2WarnBelow` (0.2). Shares use the sketch's guaranteed
 * lower bounds, so an alarm is never an artefact of the top-k approximation; distinct-2 is
 * not judged on one-word traces. For reference:
 * GSM8K train rationales give 1.5% for the top opening, 0.3% for the top five templates and a
 * distinct-2 of 0.46; one template with its numbers changed gives 100%, 100% and 0.04.
 */
export const CollapseAlarmSettingsSchema = z.object({
  minTraces: z.number().int().positive().default(50),
  openingWarnShare: z.number().min(0).max(1).default(0.25),
  openingAlarmShare: z.number().min(0).max(1).default(0.5),
  templateWarnShare: z.number().min(0).max(1).default(0.5),
  templateAlarmShare: z.number().min(0).max(1).default(0.8),
  distinct2WarnBelow: z.number().min(0).max(1).default(0.2),
  distinct2AlarmBelow: z.number().min(0).max(1).default(0.1),
});
export type CollapseAlarmSettings = z.infer<typeof CollapseAlarmSettingsSchema>;

export type CollapseLevel = "ok" | "warn" | "alarm";
export type CollapseAlarm = { level: CollapseLevel; reasons: string[] };

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

export function collapseAlarm(
  summary: DiversitySummary,
  settings: z.input<typeof CollapseAlarmSettingsSchema> = {},
): CollapseAlarm {
  const s = CollapseAlarmSettingsSchema.parse(settings);
  if (summary.traces < s.minTraces)
    return {
      level: "ok",
      reasons: [`only ${summary.traces} traces; collapse is judged from ${s.minTraces}`],
    };
  const found: Array<{ level: "warn" | "alarm"; reason: string }> = [];
  const grade = (value: number, warnAt: number, alarmAt: number, reason: string, below = false) => {
    const past = (limit: number) => (below ? value < limit : value >= limit);
    if (past(alarmAt)) found.push({ level: "alarm", reason });
    else if (past(warnAt)) found.push({ level: "warn", reason });
  };
  const opening = summary.openings[0];
  if (opening) {
    const share = (opening.count - opening.error) / summary.traces;
    grade(
      share,
      s.openingWarnShare,
      s.openingAlarmShare,
      `${percent(share)} of traces open with "${opening.key}"`,
    );
  }
  const templates = summary.top5TemplateShareAtLeast;
  grade(
    templates,
    s.templateWarnShare,
    s.templateAlarmShare,
    `the top 5 templates cover ${percent(templates)} of traces`,
  );
  const distinct2 = summary.distinct[2].windowed;
  if (summary.distinct[2].total > 0)
    grade(
      distinct2,
      s.distinct2WarnBelow,
      s.distinct2AlarmBelow,
      `distinct-2 is ${distinct2.toFixed(3)}`,
      true,
    );
  const level: CollapseLevel = found.some((f) => f.level === "alarm")
    ? "alarm"
    : found.length > 0
      ? "warn"
      : "ok";
  return { level, reasons: found.map((f) => `${f.level}: ${f.reason}`) };
}
