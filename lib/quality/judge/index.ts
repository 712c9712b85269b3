// The LLM-as-judge: rubrics with versions, the quality-judge runner kind, and judge-vs-people agreement.
export { judgeKind } from "./kind";
export { startJudge } from "./start";
export {
  addRubricVersion,
  createRubric,
  ensureDefaultRubrics,
  listRubrics,
  type RubricVersionView,
  type RubricView,
} from "./rubrics";
export { rubricVersionAgreement } from "./agreement-query";
export { judgeAgreement, type JudgeAgreement, type JudgedTrace, type ScoreDistribution } from "./agreement";
export { judgeFormChoices, recentJudgeRuns, type Choice, type JudgeRunView } from "./queries";
export { parseJudgeReply, type JudgeReading } from "./parse";
export { judgeMessages, type JudgeSubject } from "./prompt";
export {
  AddRubricVersionSchema,
  CreateRubricSchema,
  QualityJudgeConfigSchema,
  StartJudgeSchema,
  type QualityJudgeConfig,
} from "./schemas";
