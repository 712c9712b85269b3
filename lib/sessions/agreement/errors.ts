// A reviewer rates an item once (the slot's unique key); a second rating means the caller built the
// table wrong, and silently keeping either would skew every figure.
export class DuplicateRatingError extends Error {
  constructor(
    readonly itemId: string,
    readonly reviewerId: string,
  ) {
    super(`Item ${itemId} has two ratings by reviewer ${reviewerId}; each reviewer rates an item once.`);
    this.name = "DuplicateRatingError";
  }
}

// The same item twice in the table would let one reviewer's ratings of it be counted twice.
export class DuplicateItemError extends Error {
  constructor(readonly itemId: string) {
    super(`Item ${itemId} appears twice in the ratings table; give each item once with all its ratings.`);
    this.name = "DuplicateItemError";
  }
}
