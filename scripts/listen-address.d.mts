export function isLoopback(host: string): boolean;
export function listenAddress(
  environment: Record<string, string | undefined>,
): { host: string; port: string; error?: undefined } | { error: string; host?: undefined; port?: undefined };
