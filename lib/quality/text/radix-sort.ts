// Sorting a million uint32 keys with a comparator takes a second; two counting passes take
// milliseconds. Used to group rows by LSH band key without a Map per band.

/** Indices 0..count-1 ordered by keys[i] ascending; equal keys keep their index order. */
export function orderByKey(keys: Uint32Array, count = keys.length): Uint32Array {
  const counts = new Uint32Array(65537);
  let from = new Uint32Array(count);
  let to = new Uint32Array(count);
  for (let i = 0; i < count; i++) from[i] = i;
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65536; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < count; i++) {
      const index = from[i]!;
      to[counts[(keys[index]! >>> shift) & 0xffff]!++] = index;
    }
    [from, to] = [to, from];
  }
  return from;
}
