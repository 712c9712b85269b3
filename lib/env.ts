import { z } from "zod";

// The one place that reads the environment (lint forbids process.env elsewhere in app code).
const flag = z
  .enum(["0", "1", "true", "false", "on", "off", "yes", "no"])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/tracebank.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
    }),
  TRACEBANK_DATA_DIR: z.string().default("./data"),
  // 32 bytes, base64: encrypts provider API keys. Generated once into the data dir when unset.
  TRACEBANK_SECRET_KEY: z.string().optional(),
  // Signs session cookies. Generated once into the data dir when unset.
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  // Set to 0 when running `npm run worker` processes instead of the one inside the web server.
  TRACEBANK_IN_PROCESS_WORKER: flag.default(true),
  TRACEBANK_WORKER_ID: z.string().optional(),
  // How long a worker's claim on an item lasts without renewal; a crashed worker's items run
  // again after this. Workers renew claims on calls still in flight every third of it.
  TRACEBANK_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  TRACEBANK_SEED_DEMO: flag.default(true),
  // Quality scans the app starts by itself: a completed generation job's duplicates and best-of-K,
  // an import's new prompts against the benchmarks. 0 leaves scans to people (the unit tests do).
  TRACEBANK_AUTO_SCANS: flag.default(true),
  // Uploads are spooled to the data dir before a job imports them; a bigger body is refused (413).
  TRACEBANK_MAX_UPLOAD_MB: z.coerce.number().int().min(1).default(1024),
  // The port `next start` listens on (scripts/start.mjs and Next itself set it): with no public
  // URL, the loopback names on this port are the only allowed origins.
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // The address people open (e.g. https://tracebank.example.org behind a reverse proxy): an
  // origin, no path. Requests under any other Host, and writes from any other Origin, are refused
  // (lib/security/origins.ts); https turns on Secure cookies and HSTS. Unset: the loopback names
  // (localhost, 127.0.0.1, [::1]) on PORT only.
  TRACEBANK_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine(isOrigin, {
      message: "TRACEBANK_PUBLIC_URL must be an origin: scheme, host and port only (no path, query or user)",
    })
    .optional(),
  // Overrides the Secure flag on cookies, which otherwise follows TRACEBANK_PUBLIC_URL (https: on).
  TRACEBANK_SECURE_COOKIES: flag.optional(),
  // Optional allowlist of teacher hosts (comma-separated; "*.example.com" matches subdomains).
  // Unset: curators may point a teacher at any host (local model servers are the common case).
  TRACEBANK_TEACHER_HOSTS: z.string().optional(),
  // On SIGTERM/SIGINT the in-process worker stops leasing and lets calls in flight finish for up
  // to this long, then releases the rest.
  TRACEBANK_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Set (to anything, as Next reads it) by scripts/start.mjs for `next start`: Next then leaves
  // SIGTERM/SIGINT to the app, which stops its worker within the grace above and exits.
  NEXT_MANUAL_SIG_HANDLE: z.string().optional(),
});

function isOrigin(value: string): boolean {
  const url = new URL(value);
  return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
}

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests switch databases between files; they call this after changing process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
