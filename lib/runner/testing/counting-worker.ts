// A worker process that also runs the test-counting kind (runner tests spawn and kill it).
import "./counting-kind";
import { runWorkerProcess } from "../worker/process";

runWorkerProcess();
