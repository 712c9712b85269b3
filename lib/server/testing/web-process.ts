// The web server's start-up exactly as `next start` runs it (instrumentation.ts register()), in a
// process of its own without Next: the shutdown test sends it SIGTERM (not used by the app).
import { register } from "../../../instrumentation";

await register();
