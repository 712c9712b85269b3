import "server-only";
import { env } from "../env";
import { logError, logInfo } from "../log";
import { secureDataDirectory } from "../security";
import { issueSetupCode } from "./setup-code";

/**
 * Once per web-server process at start: the data directory and the secrets in it become the
 * owner's only, and while no account exists a fresh one-time setup code goes to the log, as
 * Jupyter and Grafana do, for whoever started the server to claim the admin account with.
 */
export async function prepareAccounts(): Promise<void> {
  try {
    secureDataDirectory();
    const code = await issueSetupCode();
    if (!code) return;
    const signUp = new URL("/sign-up", env().TRACEBANK_PUBLIC_URL ?? `http://localhost:${env().PORT}`);
    logInfo(
      `No account exists yet. Open ${signUp.href} and enter setup code ${code} to create the admin account (the code works once; a restart prints a new one).`,
    );
  } catch (error) {
    logError("preparing the first sign-up", error);
  }
}
