import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// Ids in the layout of Prisma's @default(cuid()) (cuid v1: "c", time, counter, fingerprint,
// random; base36, 25 characters) for rows inserted with raw SQL.
const BASE = 36;
const BLOCK = BASE ** 4;
const pad = (n: number, width: number) => n.toString(BASE).padStart(width, "0").slice(-width);

const FINGERPRINT =
  pad(process.pid % BASE ** 2, 2) +
  pad([...hostname()].reduce((sum, c) => sum + c.charCodeAt(0), hostname().length + BASE) % BASE ** 2, 2);

let counter = randomBytes(3).readUIntBE(0, 3) % BLOCK;
let pool = Buffer.alloc(0);
let offset = 0;

function randomBlock(): string {
  if (offset + 3 > pool.length) [pool, offset] = [randomBytes(3 * 1024), 0];
  const value = pool.readUIntBE(offset, 3) % BLOCK;
  offset += 3;
  return pad(value, 4);
}

export function cuid(): string {
  counter = (counter + 1) % BLOCK;
  return `c${pad(Date.now(), 8)}${pad(counter, 4)}${FINGERPRINT}${randomBlock()}${randomBlock()}`;
}
