import { describe, expect, it } from "vitest";
import { BASE_URL_MESSAGES, normalBaseUrl, readBaseUrl, sameEndpoint } from "./base-url";
import { createTeacher } from "./create-teacher";
import { ProviderInputSchema } from "./schemas";
import { TeacherError } from "./types";

const baseUrlIssue = (baseUrl: string) => {
  const parsed = ProviderInputSchema.safeParse({ name: "a", kind: "openai", model: "m", baseUrl });
  return parsed.success
    ? parsed.data.baseUrl
    : `refused: ${parsed.error.issues.map((i) => i.message).join(" | ")}`;
};

describe("base URLs are read strictly", () => {
  it("refuses other schemes, credentials, query strings and fragments, each with its reason", () => {
    const { notHttp, credentials, query, fragment } = BASE_URL_MESSAGES;
    const cases: [string, string][] = [
      ["ftp://files.example.com/v1", notHttp],
      ["javascript:alert(1)", notHttp],
      ["file:///etc/passwd", notHttp],
      ["data:text/plain,hi", notHttp],
      ["localhost:8000/v1", notHttp],
      ["not a url", notHttp],
      ["http://", notHttp],
      ["http://user:secret@host/v1", credentials],
      ["https://sk-123@api.example.com/v1", credentials],
      ["http://@host/v1", credentials],
      ["http://host/admin/delete?x=", query],
      ["http://host/v1?", query],
      ["http://host/v1?api-version=1", query],
      ["http://host/v1#frag", fragment],
      ["http://host/v1#", fragment],
    ];
    for (const [url, message] of cases) expect(baseUrlIssue(url), url).toBe(`refused: ${message}`);
  });

  it("keeps a normal form: trailing slashes dropped, host lower-cased, default port and dot segments gone", () => {
    expect(baseUrlIssue("http://x:1/v1/")).toBe("http://x:1/v1");
    expect(baseUrlIssue("  HTTPS://API.Example.COM:443/v1//  ")).toBe("https://api.example.com/v1");
    expect(baseUrlIssue("http://localhost:8000")).toBe("http://localhost:8000");
    expect(baseUrlIssue("http://host/a/../v1/")).toBe("http://host/v1");
    expect(baseUrlIssue("http://[::1]:8000/v1")).toBe("http://[::1]:8000/v1");
    expect(baseUrlIssue("")).toBeNull();
    expect(readBaseUrl("http://host/@scope/v1")).toEqual({ ok: true, url: "http://host/@scope/v1" });
  });

  it("compares endpoints by kind and normal form", () => {
    expect(
      sameEndpoint(
        { kind: "openai", baseUrl: "http://H:80/v1/" },
        { kind: "openai", baseUrl: "http://h/v1" },
      ),
    ).toBe(true);
    expect(sameEndpoint({ kind: "openai", baseUrl: "" }, { kind: "openai", baseUrl: null })).toBe(true);
    expect(
      sameEndpoint({ kind: "openai", baseUrl: "http://h/v1" }, { kind: "anthropic", baseUrl: "http://h/v1" }),
    ).toBe(false);
    expect(
      sameEndpoint({ kind: "openai", baseUrl: "http://h/v2" }, { kind: "openai", baseUrl: "http://h/v1" }),
    ).toBe(false);
    expect(normalBaseUrl("  ")).toBeNull();
  });

  it("a base URL saved before these rules is refused at call time, before anything is sent", async () => {
    for (const [baseUrl, reason] of [
      ["http://127.0.0.1:9/admin/delete?x=", "query string"],
      ["http://user:hunter2@127.0.0.1:9/v1", "user name or password"],
      ["ftp://127.0.0.1:9/v1", "http:// or https://"],
    ] as const) {
      const error = (() => {
        try {
          createTeacher({ kind: "openai", baseUrl, model: "m" });
        } catch (e) {
          return e;
        }
      })();
      expect(error, baseUrl).toBeInstanceOf(TeacherError);
      expect((error as TeacherError).retryable).toBe(false);
      expect((error as TeacherError).message).toContain(reason);
      expect((error as TeacherError).message).not.toContain("hunter2");
    }
  });
});
