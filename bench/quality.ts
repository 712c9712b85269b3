// Quality benchmark: near-duplicate detection and benchmark-contamination scanning over 100,000
// synthetic traces (bench/quality-traces.ts: GSM8K train rationales with openings, 100-300
// words), with planted paraphrase pairs (5-10% of the words edited) and every GSM8K test and
// HumanEval item planted twice (verbatim, and with numbers changed, sentences reordered or
// three words changed). Times (a) NearDuplicateIndex.add over every row plus clusters(), and
// (b) loading the built-in benchmarks, building their index and scanning every row; text
// generation is outside both timers. Peak RSS is sampled every 50 ms by a worker thread.
// Prints a table, then one JSON line:
// {"near_dup_s":N,"contamination_s":N,"peak_rss_mb":N,"contamination_recall_verbatim":N,
//  "contamination_recall_edited":N,"near_dup_precision":N,"near_dup_recall":N}
// (`-- --rows 20000 --pairs 500` runs a smaller one.)
import { parseArgs } from "node:util";
import { builtinBenchmarks } from "../lib/quality/contamination/builtin";
import { ContaminationIndex } from "../lib/quality/contamination/contamination-index";
import { NearDuplicateIndex } from "../lib/quality/duplicates/near-index";
import { sampleRss } from "./quality-memory";
import { makePlan, type Plan } from "./quality-plan";
import { loadRationales } from "./quality-traces";

const { values } = parseArgs({
  options: { rows: { type: "string" }, pairs: { type: "string" }, preset: { type: "string" } },
  allowPositionals: true,
});
const ROWS = Number(values.rows ?? 100_000);
const PAIRS = Number(values.pairs ?? 2_000);
const TARGETS = { nearDupSeconds: 60, contaminationSeconds: 20, peakRssMb: 1024 };

const rss = sampleRss();
const rationales = loadRationales();
const loadStarted = performance.now();
const items = await builtinBenchmarks();
// The first load (stream decompression) is part of contamination scanning; later calls hit the cache.
const loadSeconds = (performance.now() - loadStarted) / 1000;
const plan = makePlan(ROWS, PAIRS, items, rationales);
const near = nearDuplicates(plan);
const contamination = await contaminationScan(plan);
const peakRssMb = Math.max(await rss.stop(), process.resourceUsage().maxRSS * 1024) / 2 ** 20;

function nearDuplicates(plan: Plan) {
  const index = new NearDuplicateIndex(values.preset ? { preset: values.preset as "datatrove" } : {});
  let seconds = 0;
  for (let row = 0; row < plan.rows; row++) {
    const text = plan.text(row);
    const started = performance.now();
    index.add(plan.id(row), text);
    seconds += (performance.now() - started) / 1000;
  }
  const started = performance.now();
  const clusters = index.clusters();
  seconds += (performance.now() - started) / 1000;
  const rowOf = (id: string) => Number(id.slice(1));
  let truePairs = 0;
  let falsePairs = 0;
  let sameItemPairs = 0;
  for (const { ids } of clusters) {
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const [x, y] = [rowOf(ids[a]!), rowOf(ids[b]!)];
        if (plan.paraphraseOf.get(x) === y || plan.paraphraseOf.get(y) === x) truePairs++;
        else falsePairs++;
        // Two traces quoting the same benchmark item are near-duplicates too, if not planted ones.
        const [px, py] = [plan.plants.get(x), plan.plants.get(y)];
        if (px && px.item.itemId === py?.item.itemId) sameItemPairs++;
      }
    }
  }
  return {
    seconds,
    settings: index.settings,
    clusters: clusters.length,
    truePairs,
    falsePairs,
    sameItemPairs,
    precision: truePairs / Math.max(1, truePairs + falsePairs),
    recall: truePairs / plan.paraphraseOf.size,
  };
}

async function contaminationScan(plan: Plan) {
  const started = performance.now();
  const index = new ContaminationIndex(await builtinBenchmarks());
  const buildSeconds = (performance.now() - started) / 1000;
  let seconds = loadSeconds + buildSeconds;
  const found = { verbatim: [0, 0], numbers: [0, 0], reorder: [0, 0], words: [0, 0] };
  let unplantedFlagged = 0;
  for (let row = 0; row < plan.rows; row++) {
    const text = plan.text(row);
    const t = performance.now();
    const matches = index.scan(text, "trace");
    seconds += (performance.now() - t) / 1000;
    const plant = plan.plants.get(row);
    if (!plant) {
      if (matches.length > 0) unplantedFlagged++;
      continue;
    }
    const tally = found[plant.edit ?? "verbatim"];
    tally[1]!++;
    if (matches.some((m) => m.itemId === plant.item.itemId)) tally[0]!++;
  }
  const rate = ([hit, all]: number[]) => hit! / Math.max(1, all!);
  const edited = [found.numbers, found.reorder, found.words].reduce(
    ([h, a], [x, y]) => [h! + x!, a! + y!],
    [0, 0],
  );
  return {
    seconds,
    loadSeconds,
    buildSeconds,
    stats: index.stats,
    found,
    unplantedFlagged,
    verbatim: rate(found.verbatim),
    edited: rate(edited),
    rate,
  };
}

const f = (n: number, digits = 2) => n.toFixed(digits);
const s = near.settings;
console.log(
  `\nQuality checks over ${ROWS.toLocaleString("en-US")} synthetic traces (${PAIRS} planted paraphrase pairs)`,
);
console.log(`${"measure".padEnd(52)}| ${"value".padEnd(20)}| target`);
console.log(`${"-".repeat(52)}|${"-".repeat(21)}|-------`);
const line = (name: string, value: string, target = "") =>
  console.log(`${name.padEnd(52)}| ${value.padEnd(20)}| ${target}`);
line(
  `near-duplicates, s (${s.shingle} ${s.shingleSize}-grams, ${s.bands}x${s.rows}, J>=${s.threshold})`,
  f(near.seconds),
  `<= ${TARGETS.nearDupSeconds}`,
);
line("  clusters / planted pairs / other pairs", `${near.clusters} / ${near.truePairs} / ${near.falsePairs}`);
line("  other pairs quoting the same benchmark item", String(near.sameItemPairs));
line("  precision on planted pairs", f(near.precision, 3), ">= 0.9");
line("  recall on planted pairs", f(near.recall, 3), ">= 0.9");
line(
  "contamination, s (load + index + scan)",
  f(contamination.seconds),
  `<= ${TARGETS.contaminationSeconds}`,
);
line(
  "  of which loading / index build, s",
  `${f(contamination.loadSeconds)} / ${f(contamination.buildSeconds)}`,
);
line(
  "  index: items / keys / items without keys",
  `${contamination.stats.items} / ${contamination.stats.keys} / ${contamination.stats.itemsWithoutKeys}`,
);
for (const [kind, tally] of Object.entries(contamination.found)) {
  line(
    `  recall, ${kind} (${tally[1]} planted)`,
    f(contamination.rate(tally), 3),
    kind === "verbatim" ? "1.0" : ">= 0.9",
  );
}
line(
  "  unplanted traces flagged",
  String(contamination.unplantedFlagged),
  "(genuine GSM8K train/test overlaps)",
);
line("peak RSS, MB", f(peakRssMb, 0), `<= ${TARGETS.peakRssMb}`);
console.log(
  JSON.stringify({
    near_dup_s: Number(f(near.seconds)),
    contamination_s: Number(f(contamination.seconds)),
    peak_rss_mb: Math.round(peakRssMb),
    contamination_recall_verbatim: Number(f(contamination.verbatim, 4)),
    contamination_recall_edited: Number(f(contamination.edited, 4)),
    near_dup_precision: Number(f(near.precision, 4)),
    near_dup_recall: Number(f(near.recall, 4)),
  }),
);
