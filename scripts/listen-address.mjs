// Where `next start` listens, from HOST and PORT (shared by scripts/start.mjs and its test).
// 127.0.0.1 unless HOST opens it; a non-loopback HOST needs TRACEBANK_PUBLIC_URL, without which
// the origin check (lib/security/origins.ts) would refuse every visitor from another machine.

/** True for names that only this machine can reach. */
export function isLoopback(host) {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** { host, port } for `next start -H host -p port`, or { error } saying what to set. */
export function listenAddress(environment) {
  const host = environment.HOST || "127.0.0.1";
  const port = environment.PORT || "3000";
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    return { error: `PORT=${port} is not a port number (1-65535).` };
  if (!isLoopback(host) && !environment.TRACEBANK_PUBLIC_URL) {
    return {
      error:
        `HOST=${host} lets other machines reach Tracebank, but TRACEBANK_PUBLIC_URL is unset, so ` +
        `every request not addressed to localhost would be refused. Set TRACEBANK_PUBLIC_URL to ` +
        `the address people open (e.g. http://192.168.1.20:${port} or https://tracebank.example.org), ` +
        `or leave HOST unset to listen on 127.0.0.1 only.`,
    };
  }
  return { host: host.replace(/^\[(.*)\]$/, "$1"), port };
}
