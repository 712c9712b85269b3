import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { decryptSecret, encryptSecret, SecretDecryptError } from "./secrets";

afterEach(() => {
  delete process.env.TRACEBANK_SECRET_KEY;
  resetEnvForTests();
});

describe("API key encryption", () => {
  it("round-trips, with a fresh IV each time, and never stores the plaintext", () => {
    const key = "sk-live-0123456789abcdef";
    const a = encryptSecret(key);
    const b = encryptSecret(key);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(key);
    expect(decryptSecret(a)).toBe(key);
    expect(decryptSecret(b)).toBe(key);
    expect(decryptSecret(encryptSecret("ключ 🔑"))).toBe("ключ 🔑");
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const stored = encryptSecret("sk-tamper-test");
    const [version, iv, tag, ciphertext] = stored.split(":") as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0]! ^= 0x01;
      return bytes.toString("base64");
    };
    for (const altered of [
      [version, iv, tag, flip(ciphertext)],
      [version, iv, flip(tag), ciphertext],
      [version, flip(iv), tag, ciphertext],
    ]) {
      expect(() => decryptSecret(altered.join(":"))).toThrow(SecretDecryptError);
    }
    expect(() => decryptSecret("v2:" + stored.slice(3))).toThrow(SecretDecryptError);
    expect(() => decryptSecret("plain text")).toThrow(SecretDecryptError);
  });

  it("cannot decrypt with another secret key", () => {
    const stored = encryptSecret("sk-under-the-generated-key");
    process.env.TRACEBANK_SECRET_KEY = randomBytes(32).toString("base64");
    resetEnvForTests();
    expect(() => decryptSecret(stored)).toThrow(SecretDecryptError);
    const underEnvKey = encryptSecret("sk-under-env-key");
    expect(decryptSecret(underEnvKey)).toBe("sk-under-env-key");
  });
});
