import { PORTS } from "../../playwright.config";

export const ADMIN = { name: "Ada Admin", email: "ada@example.test", password: "e2e admin password" };

export function storageStatePath(baseURL: string): string {
  const db = baseURL.endsWith(String(PORTS.postgres)) ? "postgres" : "sqlite";
  return `.tmp/e2e/${db}-admin.json`;
}
