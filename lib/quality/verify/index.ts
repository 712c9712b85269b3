// Answer verification: a teacher's final answer against the prompt's reference answer.
export { verifyAnswer, type VerifyAnswerInput } from "./verify-answer";
export { chooseMethod } from "./choose-method";
export {
  VERIFY_METHODS,
  VerifyMethodSchema,
  VerifySettingsSchema,
  ToleranceSchema,
  DEFAULT_TOLERANCE,
  InvalidAnswerPatternError,
  compileAnswerPattern,
  type VerifyMethod,
  type VerifySettings,
} from "./settings";
