// Inter-annotator agreement for team sessions: pure functions over a ratings table, no database.
export { cohensKappa, pairwiseCohens, type CohensKappa, type PairwiseKappa } from "./cohen";
export { editDisagreement, type EditDisagreement } from "./edits";
export { DuplicateItemError, DuplicateRatingError } from "./errors";
export { fleissKappa, type FleissKappa } from "./fleiss";
export { krippendorffAlphaNominal, type KrippendorffAlpha } from "./krippendorff";
export { percentAgreement, type PercentAgreement } from "./percent";
export { ratingsTable } from "./ratings";
export {
  summarize,
  type AgreementSummary,
  type LabelAgreement,
  type SessionDecision,
  type SessionItemRatings,
} from "./summarize";
export { notDefinedMessage, type NotDefinedReason, type RatedItem, type Rating } from "./types";
export { EDIT_LIMIT, WORD_LIMIT } from "./word-distance";
