import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

/**
 * An HTTP server on a free local port for the current test file, for faults the scripted teacher
 * does not make (cut connections, redirects, slow uploads). `url()` is valid once tests run.
 */
export function serveForTests(handler: RequestListener): { url: () => string } {
  const site = createServer(handler);
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    site.closeAllConnections();
    site.close();
  });
  return { url: () => base };
}
