// Moved to lib/db (raw inserts in every domain need it); kept here for the prompts import code.
export { cuid } from "../db";
