import type { NextConfig } from "next";

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
};

export default nextConfig;
