// Speed and memory of the diversity accumulator: GSM8K rationales, then N synthetic traces of
// ~200 words (default 200,000). Run: npx tsx lib/quality/diversity/bench.ts [N]
import { collapseAlarm, DiversityAccumulator } from "./index";
import { gsm8kRationales, letterWord } from "./fixtures";

const gsm8k = gsm8kRationales();
const warm = new DiversityAccumulator();
for (const item of gsm8k) warm.add(item);
const acc = new DiversityAccumulator();
let start = performance.now();
for (const item of gsm8k) acc.add(item);
const perGsm8k = ((performance.now() - start) * 1000) / gsm8k.length;
start = performance.now();
const alarm = collapseAlarm(acc.summary());
console.log(
  `GSM8K: ${perGsm8k.toFixed(1)} µs per add(), summary + alarm ${(performance.now() - start).toFixed(1)} ms, ${alarm.level}`,
);

const count = Number(process.argv[2] ?? 200_000);
// Heap figures need `node --expose-gc --import tsx`; without it they include garbage.
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const big = new DiversityAccumulator();
let elapsed = 0;
for (let i = 0; i < count; i += 1) {
  const words = Array.from({ length: 200 }, (_, w) => letterWord((i * 7919 + w * 104_729) % 500_000));
  const item = { id: String(i), text: words.join(" "), systemMessageId: `sm-${i % 50}` };
  const t = performance.now();
  big.add(item);
  elapsed += performance.now() - t;
}
globalThis.gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
const perAdd = ((elapsed * 1000) / count).toFixed(1);
console.log(
  `${count} traces x 200 words: ${perAdd} µs per add(), retained heap ${heapMb.toFixed(1)} MB, stored keys ${JSON.stringify(big.storedKeys())}`,
);
