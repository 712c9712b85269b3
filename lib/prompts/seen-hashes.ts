const WORDS = 4; // 128 bits of each sha256: two different prompts will not share them

/**
 * Content hashes seen so far, in an open-addressing table of 128-bit keys: a million rows take
 * 32 MB, where a Set of hex strings would take over 100 MB.
 */
export class SeenHashes {
  private table = new Uint32Array(WORDS * 1024);
  private size = 0;

  /** Adds a sha256 (hex); false when it was there already. */
  add(hex: string): boolean {
    if ((this.size + 1) * WORDS * 2 > this.table.length) this.grow();
    const key = [0, 1, 2, 3].map((i) => parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0);
    key[0] = key[0]! || 1; // a first word of 0 marks an empty slot
    if (!this.insert(key)) return false;
    this.size++;
    return true;
  }

  private insert(key: number[]): boolean {
    const slots = this.table.length / WORDS;
    for (let slot = key[1]! & (slots - 1); ; slot = (slot + 1) & (slots - 1)) {
      const at = slot * WORDS;
      if (this.table[at] === 0) {
        this.table.set(key, at);
        return true;
      }
      if (key.every((word, i) => this.table[at + i] === word)) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += WORDS)
      if (old[at] !== 0) this.insert([old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!]);
  }
}
