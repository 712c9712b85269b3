// The security domain's public surface: other domains import from here only.
export { localSecret } from "./local-secret";
export { restrictMode, secureDataDirectory } from "./file-modes";
export { checkRequest, type OriginPolicy, type Refusal } from "./origins";
export { newNonce, securityHeaders } from "./headers";
export { secureCookies, sitePolicy } from "./site";
