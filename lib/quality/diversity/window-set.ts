// A fixed-size open-addressing set of 32-bit hashes, for counting distinct n-grams in one window
// without allocating per item. At a 50,000-key window, 32-bit keys collide about 0.3 times.

export class WindowSet {
  private readonly table: Uint32Array;
  private readonly mask: number;
  private hasZero = false; // 0 marks an empty slot, so the key 0 is kept aside
  size = 0;

  /** Room for `capacity` keys at a load of at most one half. */
  constructor(readonly capacity: number) {
    let slots = 1;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  add(key: number): void {
    if (this.size >= this.capacity) throw new Error("WindowSet is full; clear it first");
    if (key === 0) {
      if (!this.hasZero) this.size += 1;
      this.hasZero = true;
      return;
    }
    let slot = key & this.mask;
    for (;;) {
      const stored = this.table[slot];
      if (stored === key) return;
      if (stored === 0) {
        this.table[slot] = key;
        this.size += 1;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  clear(): void {
    this.table.fill(0);
    this.hasZero = false;
    this.size = 0;
  }
}
