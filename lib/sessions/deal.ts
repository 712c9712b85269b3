/**
 * Assigned access: which reviewers (indices into the session's reviewer list) get the item at
 * `position`. Round-robin over positions, k consecutive reviewers each: k different people per
 * item, and over any run of positions from 0 every reviewer holds within one slot of the others.
 */
export function dealReviewers(position: number, overlap: number, reviewers: number): number[] {
  if (overlap > reviewers) throw new Error(`overlap ${overlap} exceeds ${reviewers} reviewers`);
  return Array.from({ length: overlap }, (_, j) => (position * overlap + j) % reviewers);
}
