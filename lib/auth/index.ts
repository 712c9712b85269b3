// The auth domain's public surface: other domains import from here only.
export { auth } from "./auth";
export { createInvite, createUser, registerUser, sessionUser, type SessionUser, setRole } from "./users";
export { userNames } from "./user-names";
export { can, type Permission, PermissionSchema } from "./roles";
