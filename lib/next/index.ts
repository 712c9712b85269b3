// The next domain's public surface: other domains import from here only.
export { authedAction, publicAction } from "./action-client";
