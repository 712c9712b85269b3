import { builtinBenchmarks, builtinDir } from "./builtin";
import { ContaminationIndex } from "./contamination-index";
import { type ContaminationSettings, ContaminationSettingsSchema } from "./schemas";

// The index over every built-in benchmark, built once per process and settings (a fifth of a
// second, then kept: about 6 MB with the items).

const cache = new Map<string, Promise<ContaminationIndex>>();

export function builtinContaminationIndex(
  settings: ContaminationSettings = {},
  dir = builtinDir(),
): Promise<ContaminationIndex> {
  const key = `${dir}\u0000${JSON.stringify(ContaminationSettingsSchema.parse(settings))}`;
  let index = cache.get(key);
  if (!index) {
    index = builtinBenchmarks(dir).then((items) => new ContaminationIndex(items, settings));
    index.catch(() => cache.delete(key));
    cache.set(key, index);
  }
  return index;
}
