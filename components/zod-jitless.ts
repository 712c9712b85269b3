import { z } from "zod";

// The CSP has no 'unsafe-eval': zod's first object parse probes `new Function("")` for its JIT,
// and Chromium reports that as a CSP violation even though zod catches the error. In the browser
// zod runs without the JIT (forms parse little); on the server (imports of millions of rows) it
// keeps it. Imported first by components/providers.tsx, before any client component parses.
if (typeof window !== "undefined") z.config({ jitless: true });
