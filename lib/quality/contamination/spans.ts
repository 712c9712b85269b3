/**
 * Character ranges covered by token ranges (flat pairs first, last: inclusive), merged where they
 * overlap or touch. `starts`/`ends` are the tokens' character offsets.
 */
export function mergeTokenRanges(
  pairs: readonly number[],
  starts: Int32Array,
  ends: Int32Array,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < pairs.length; i += 2) ranges.push([pairs[i]!, pairs[i + 1]!]);
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [first, last] of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged.map(([first, last]) => [starts[first]!, ends[last]!]);
}
