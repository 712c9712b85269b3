import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db, dbKind, type Db } from "../db";
import { env } from "../env";
import { localSecret, secureCookies, sitePolicy } from "../security";

function createAuth(client: Db) {
  return betterAuth({
    appName: "Tracebank",
    secret: localSecret("auth-secret", env().BETTER_AUTH_SECRET).toString("base64"),
    // Only server actions call the auth API (no auth endpoint is mounted); proxy.ts and the action
    // client check Host and Origin before it runs. These keep better-auth's own view the same.
    baseURL: sitePolicy().baseUrl,
    trustedOrigins: [...sitePolicy().origins],
    database: prismaAdapter(client, { provider: dbKind() === "sqlite" ? "sqlite" : "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: {
      additionalFields: { role: { type: "string", required: false, defaultValue: "reviewer", input: false } },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Secure (and __Secure-prefixed) when the public URL is https, unless TRACEBANK_SECURE_COOKIES says.
    advanced: { useSecureCookies: secureCookies(), cookiePrefix: "tracebank" },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { __tracebankAuth?: { auth: Auth; client: Db } };

/** One auth instance per database client. */
export function auth(): Auth {
  const client = db();
  if (holder.__tracebankAuth?.client !== client)
    holder.__tracebankAuth = { auth: createAuth(client), client };
  return holder.__tracebankAuth.auth;
}
