import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const address = (xff?: string) =>
  clientAddress(new Headers(xff === undefined ? {} : { "x-forwarded-for": xff }));

describe("clientAddress", () => {
  it("takes the last hop: what the proxy (or next start, from the socket) added", () => {
    expect(address("203.0.113.7")).toBe("203.0.113.7");
    // A client's own X-Forwarded-For comes first; a proxy appends what it saw.
    expect(address("127.0.0.1, 198.51.100.4")).toBe("198.51.100.4");
    expect(address("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(address("2001:DB8::1")).toBe("2001:db8::1");
    expect(address()).toBe("unknown");
    expect(address(" , ")).toBe("unknown");
  });
});
