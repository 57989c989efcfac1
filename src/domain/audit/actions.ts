/**
 * The Chinese label of every audited action, for timelines. The catalog itself — what each action records and
 * the schema of its payload — is events.ts; new features add their actions there.
 */
import { type AuditAction, auditEvents } from './events.ts';

export type { AuditAction } from './events.ts';

export const auditActions = Object.fromEntries(Object.entries(auditEvents).map(([action, event]) => [action, event.label])) as Record<AuditAction, string>;
