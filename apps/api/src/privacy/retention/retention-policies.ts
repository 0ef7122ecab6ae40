import { DATA_EXPORT_LINK_DAYS, RETENTION_RULE_LABELS, RETENTION_RULES, type RetentionPolicyDto, type RetentionRule } from '@passerelle/shared/dto';
import type { PrivacyConfig } from '../../config/app-config';

/**
 * Sessions, refresh tokens, password-reset and invitation links are kept this long after they ended (expired,
 * revoked or used): long enough to answer « who was signed in from where » after an incident, no longer.
 */
export const ENDED_LINK_DAYS = 30;

/** How long each rule keeps its data, in days, as configured: the admins' page and the public page show it. */
export function retentionDays(privacy: PrivacyConfig): Record<RetentionRule, number> {
  return {
    ACCOUNT_DELETIONS: privacy.deletionGraceDays,
    INACTIVE_ACCOUNTS: privacy.inactiveAccountDays,
    AUDIT_EVENTS: privacy.auditDays,
    NOTIFICATIONS: privacy.notificationDays,
    SESSIONS_AND_LINKS: ENDED_LINK_DAYS,
    DATA_EXPORTS: DATA_EXPORT_LINK_DAYS,
    DEV_MAILS: privacy.devMailDays,
    CLOSED_THREAD_AUTHORS: privacy.closedThreadAuthorDays,
  };
}

export function retentionPolicies(privacy: PrivacyConfig): RetentionPolicyDto[] {
  const days = retentionDays(privacy);
  return RETENTION_RULES.map((rule) => ({ rule, label: RETENTION_RULE_LABELS[rule], days: days[rule] }));
}
