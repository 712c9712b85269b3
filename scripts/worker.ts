// `npm run worker`: a runner worker in its own process, for every kind of job the application has.
// Run several against PostgreSQL to share jobs; set TRACEBANK_IN_PROCESS_WORKER=0 on the web server
// so it only serves.
import "../lib/jobs";
import { runWorkerProcess } from "../lib/runner/worker/process";

runWorkerProcess();
