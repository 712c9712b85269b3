import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import { localSecret } from "../security";

// Stored form: "v1:<iv b64>:<tag b64>:<ciphertext b64>", AES-256-GCM.
const VERSION = "v1";
const AAD = Buffer.from("tracebank provider API key");

let cached: { source: string; key: Buffer } | undefined;

function key(): Buffer {
  const e = env();
  const source = `${e.TRACEBANK_SECRET_KEY ?? ""}\0${e.TRACEBANK_DATA_DIR}`;
  if (cached?.source !== source) {
    const secret = localSecret("provider-key", e.TRACEBANK_SECRET_KEY);
    // The secret may be longer than 32 bytes; derive exactly one AES-256 key from it.
    const derived = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "tracebank provider-key v1", 32));
    cached = { source, key: derived };
  }
  return cached.key;
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

/** Thrown when a stored secret cannot be decrypted: another key, or the value was altered. */
export class SecretDecryptError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt secret: ${reason}`);
    this.name = "SecretDecryptError";
  }
}

export function decryptSecret(stored: string): string {
  const parts = stored.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretDecryptError("unknown format");
  const [, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, "base64")) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== 12 || tag.length !== 16) throw new SecretDecryptError("unknown format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), iv);
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptError("wrong key or altered ciphertext");
  }
}
