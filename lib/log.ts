/** Unexpected errors: logged with context on the server, never shown raw to users. */
export function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[tracebank] ${new Date().toISOString()} ${context}: ${detail}`);
}

export function logInfo(message: string): void {
  console.log(`[tracebank] ${message}`);
}
