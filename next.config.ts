import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native modules and WebAssembly engines load from node_modules at run time, never bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/client",
  ],
  // Lets several dev servers share one checkout (NEXT_DIST_DIR=.next-foo next dev -p 3101).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // proxy.ts sets every security header (the CSP with its per-request nonce, HSTS from the public
  // URL) on each response; these constant ones are also declared here, where Next applies them
  // before any proxy or file, so a response the proxy never saw still carries them. They are
  // fixed at build time, hence nothing that depends on the environment.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
