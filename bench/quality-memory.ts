// Peak resident memory while the benchmark runs: a worker thread samples the process's RSS every
// 50 ms (the main thread is busy in synchronous loops and would not run a timer).
import { Worker } from "node:worker_threads";

const SAMPLER = `
const { parentPort } = require("node:worker_threads");
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 50);
parentPort.on("message", () => { sample(); clearInterval(timer); parentPort.postMessage(peak); });
`;

export function sampleRss(): { stop: () => Promise<number> } {
  const worker = new Worker(SAMPLER, { eval: true });
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        worker.once("message", (peak: number) => {
          void worker.terminate();
          resolve(peak);
        });
        worker.postMessage("stop");
      }),
  };
}
