import type { Refunds } from "./reservations";

/**
 * Refunds waiting to be written: calls end one by one, the database hears about them in groups
 * (with the next completion transaction, or on the worker's next poll).
 */
export class RefundLedger {
  private pending: Refunds = new Map();

  add(reservationId: string, requests: number, tokens: number): void {
    if (requests === 0 && tokens === 0) return;
    const entry = this.pending.get(reservationId) ?? { requests: 0, tokens: 0 };
    entry.requests += requests;
    entry.tokens += tokens;
    this.pending.set(reservationId, entry);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Everything pending, now owned by the caller; give it back with restore() if writing fails. */
  take(): Refunds {
    const taken = this.pending;
    this.pending = new Map();
    return taken;
  }

  restore(refunds: Refunds): void {
    for (const [id, r] of refunds) this.add(id, r.requests, r.tokens);
  }
}
