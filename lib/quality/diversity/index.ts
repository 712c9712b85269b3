// Set-level diversity of traces: streaming statistics and the collapse alarm read from them.
export { DiversityAccumulator, DiversitySettingsSchema } from "./accumulator";
export type { DiversityItem, DiversitySettings, DiversitySummary, RankedKey } from "./accumulator";
export { collapseAlarm, CollapseAlarmSettingsSchema } from "./collapse-alarm";
export type { CollapseAlarm, CollapseAlarmSettings, CollapseLevel } from "./collapse-alarm";
export { openingOf, skeletonOf } from "./normalize";
