// The sessions domain's public surface (team annotation sessions): other domains and app/ import
// from here. Importing it registers the planning job's kind with the runner.
export { createSession, type Actor } from "./create";
export { closeSession } from "./close";
export { sessionPlanKind } from "./plan-kind";
export { takeSessionTraces, releaseSessionTrace, type TakeOptions, type TakenTraces } from "./queue";
export {
  decideInSession,
  retractInSession,
  mySessionDecision,
  EXPIRED_AND_TAKEN,
  type SessionDecideResult,
} from "./decide";
export {
  canSeeOthers,
  sessionDecisionsFor,
  type SessionDecisionView,
  type SessionItemDecisions,
} from "./blind";
export { adjudicate, itemVersion, mayAdjudicate, type AdjudicateResult } from "./adjudicate";
export { listAdjudicationQueue, type AdjudicationPage, type AdjudicationRow } from "./adjudication-queue";
export { sessionProgress, type ReviewerProgress, type SessionProgress } from "./progress";
export {
  getSessionDetail,
  listSessions,
  rejectReasons,
  sessionFormChoices,
  type SessionDetail,
  type SessionSummary,
} from "./queries";
export { canViewSession, viewableSession } from "./access";
export {
  AGREEMENT_ON_DEMAND,
  sessionAgreement,
  sessionRatings,
  type AgreementFigures,
  type Figure,
  type ItemRatings,
  type LabelFigures,
  type PairFigures,
  type SessionRatings,
} from "./agreement-figures";
export { ruleOutcome } from "./rules";
export {
  decideSessionFromQueue,
  sessionQueuePage,
  sessionQueueTrace,
  undoSessionFromQueue,
} from "./review-queue";
// The statistics themselves, for other domains comparing raters (the quality judge against people).
export { cohensKappa, type CohensKappa, type NotDefinedReason, type RatedItem } from "./agreement";
