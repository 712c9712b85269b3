// Seeds the dashboard fixture into DATABASE_URL and prints what it made as one JSON line: the
// end-to-end test runs it against the server's database (node --conditions=react-server --import tsx).
import { disconnectDb } from "../../../db";
import { seedDashboard } from "./seed";

const seeded = await seedDashboard(`e2e-${Date.now().toString(36)}`);
await disconnectDb();
console.log(
  JSON.stringify({
    jobA: { id: seeded.a.jobId, name: seeded.jobNames.a },
    jobB: { id: seeded.b.jobId, name: seeded.jobNames.b },
    messages: seeded.messages,
    rubric: seeded.rubricName,
  }),
);
