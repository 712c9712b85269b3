// The quality domain's public surface: other domains import from here only.
export { checkArrivingTraces, prepareArrivalChecks, type ArrivingTrace } from "./arrival";
export { qualityScanKind } from "./scan/kind";
export { scanAfterGeneration, scanAfterImport, startScan } from "./scan/start";
export { createRule, deleteRule, listRules, updateRule, type RuleView } from "./rules/rules";
export { listBenchmarks, toggleBenchmark, uploadBenchmark, type BenchmarkView } from "./benchmarks";
export { listClusters, resolveCluster, type ClusterView } from "./clusters";
export { setVerifySettings } from "./verify-settings";
export { jobQuality, type JobQuality } from "./job-quality";
export {
  judgeKind,
  startJudge,
  createRubric,
  addRubricVersion,
  CreateRubricSchema,
  AddRubricVersionSchema,
  StartJudgeSchema,
  QualityJudgeConfigSchema,
} from "./judge";
