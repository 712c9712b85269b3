// The audit domain's public surface: one typed, append-only log of who did what.
export { recordAudit } from "./audit";
export {
  AUDIT_ACTIONS,
  AuditActionSchema,
  type AuditAction,
  type AuditData,
  type AuditEntry,
} from "./schemas";
