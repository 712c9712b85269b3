import { existsSync, readFileSync } from "node:fs";
import { PORTS } from "../../playwright.config";

export const ADMIN = { name: "Ada Admin", email: "ada@example.test", password: "e2e admin password" };

const dbOf = (baseURL: string) => (baseURL.endsWith(String(PORTS.postgres)) ? "postgres" : "sqlite");

export function storageStatePath(baseURL: string): string {
  return `.tmp/e2e/${dbOf(baseURL)}-admin.json`;
}

/** The one-time setup code the server printed in its log (e2e/serve.mjs keeps it in a file). */
export async function setupCodeFromLog(baseURL: string): Promise<string> {
  const file = `.tmp/e2e/${dbOf(baseURL)}-setup-code.txt`;
  for (let waited = 0; waited < 20_000; waited += 200) {
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no setup code in the server's log (${file})`);
}
