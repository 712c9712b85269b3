// The provider rate limiter: shared by every job and worker process through the database.
export {
  countFitting,
  neverFits,
  UNLIMITED,
  type Estimate,
  type EstimateInput,
  type ProviderLimits,
  type ProviderUsage,
} from "./budget";
export { forgetProviderLimits, providerLimits } from "./provider-limits";
export { RefundLedger } from "./refund-ledger";
export {
  applyRefunds,
  leaseSnapshot,
  lockForLease,
  pruneReservations,
  reserve,
  WINDOW_MS,
  type Refunds,
} from "./reservations";
