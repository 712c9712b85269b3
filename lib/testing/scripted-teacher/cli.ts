// npm run teacher:scripted -- [--port 4010] [--latency 250 | 100-400] [--batch-delay 5000] [--script file.json] [--verbose]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startScriptedTeacher } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    latency: { type: "string" },
    "batch-delay": { type: "string" },
    script: { type: "string" },
    verbose: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(
    "Scripted teacher: a fake OpenAI/Anthropic server for tests.\n" +
      "  --port N          port to listen on (0: any free port)\n" +
      "  --host H          interface (default 127.0.0.1)\n" +
      "  --latency MS      fixed latency, or MIN-MAX for a seeded random latency\n" +
      "  --batch-delay MS  batches (OpenAI Batch API, Anthropic Message Batches) end this long after creation\n" +
      "  --script FILE     JSON script (rules, faults incl. bursts429, reasoning, batch, seed, requireApiKey)\n" +
      "  --verbose         one line per request",
  );
  process.exit(0);
}

function parseLatency(text: string | undefined): number | [number, number] | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)(?:\s*[-,]\s*(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`--latency takes milliseconds (250) or a range (100-400), not "${text}"`);
  return match[2] ? [Number(match[1]), Number(match[2])] : Number(match[1]);
}

const script = values.script ? JSON.parse(readFileSync(values.script, "utf8")) : {};
if (values["batch-delay"] !== undefined) {
  const delay = Number(values["batch-delay"]);
  if (!Number.isFinite(delay) || delay < 0)
    throw new Error(`--batch-delay takes milliseconds, not "${values["batch-delay"]}"`);
  script.batch = { ...script.batch, completeAfterMs: delay };
}

const teacher = await startScriptedTeacher({
  port: Number(values.port),
  host: values.host,
  latencyMs: parseLatency(values.latency),
  script,
  log: values.verbose,
});

console.log(`Scripted teacher listening on ${teacher.url}`);
console.log(`  OpenAI-compatible base URL: ${teacher.baseUrlOpenAI}`);
console.log(`  Anthropic base URL:         ${teacher.baseUrlAnthropic}`);
console.log(`  Batch APIs:                 /v1/files, /v1/batches, /v1/messages/batches`);
console.log(
  `  Control: POST ${teacher.url}/__control/script | GET /__control/stats | GET /__control/requests | GET /__control/timeline | POST /__control/reset`,
);

const stop = () => {
  void teacher.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
