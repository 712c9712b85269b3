// Benchmark contamination: word n-gram overlap with benchmark items, and the built-in sets.
export { ContaminationIndex } from "./contamination-index";
export { contaminationVerdict } from "./verdict";
export { BUILTIN_BENCHMARKS, builtinBenchmarks, type BuiltinBenchmark } from "./builtin";
export {
  ContaminationSettingsSchema,
  ContaminationThresholdsSchema,
  type BenchmarkItem,
  type ContaminationMatch,
  type ContaminationSettings,
  type ContaminationThresholds,
} from "./schemas";
