/** The last `capacity` items, kept by reference (no copies, no logging: benchmarks run through here). */
export class Ring<T> {
  private items: T[] = [];
  private next = 0;

  constructor(private capacity: number) {}

  add(item: T): void {
    if (this.capacity === 0) return;
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  list(): T[] {
    if (this.items.length < this.capacity) return [...this.items];
    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }

  resize(capacity: number): void {
    const kept = this.list().slice(-capacity || this.items.length);
    this.capacity = capacity;
    this.items = capacity === 0 ? [] : kept;
    this.next = this.items.length % Math.max(1, capacity);
  }

  clear(): void {
    this.items = [];
    this.next = 0;
  }
}
