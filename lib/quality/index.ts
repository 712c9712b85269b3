// The quality domain's public surface: other domains import from here only.
export { checkArrivingTraces, prepareArrivalChecks, type ArrivingTrace } from "./arrival";
export { qualityScanKind } from "./scan/kind";
export { scanAfterGeneration, startScan } from "./scan/start";
export { createRule, deleteRule, listRules, updateRule, type RuleView } from "./rules/rules";
export { listBenchmarks, toggleBenchmark, uploadBenchmark, type BenchmarkView } from "./benchmarks";
