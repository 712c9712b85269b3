// The security domain's public surface: other domains import from here only.
export { localSecret } from "./local-secret";
export { restrictMode, secureDataDirectory } from "./file-modes";
