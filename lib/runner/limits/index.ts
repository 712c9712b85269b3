// The provider rate limiter: shared by every job and worker process through the database.
export { countFitting, neverFits, UNLIMITED, type ProviderLimits, type ProviderUsage } from "./budget";
export { estimateAttempt, type Estimate, type EstimateInput } from "../../generation/estimate-attempt";
export { forgetProviderLimits, providerLimits } from "./provider-limits";
export { RefundLedger } from "./refund-ledger";
export {
  applyRefunds,
  leaseSnapshot,
  lockProvider,
  pruneReservations,
  reserve,
  WINDOW_MS,
  type Refunds,
} from "./reservations";
