// The auth domain's public surface: other domains import from here only.
export { auth } from "./auth";
export { createUser, listUsers, hasAnyUser, sessionUser, type SessionUser } from "./users";
export { registerUser } from "./sign-up";
export { signIn } from "./sign-in";
export { createInvite, listOpenInvites, revokeInvite } from "./invites";
export { deactivateUser, endSessions, reactivateUser, setRole } from "./people";
export { prepareAccounts } from "./instance";
export { clientAddress } from "./client-address";
export { TooManyAttemptsError } from "./throttle";
export { userNames } from "./user-names";
export { can, type Permission, PermissionSchema } from "./roles";
