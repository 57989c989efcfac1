/**
 * Who may administer the platform and oversee its staff: organizations, users, the legal calendar, the audit trail
 * and the analysis of annual reports. Services and routes assert these permissions, the web's menu and pages ask
 * them (src/domain/policy.ts).
 */
import { isTopLevelPath } from '../access.ts';
import { permission } from '../policy.ts';

/** Where the actor works: the server's `Actor` and the web's `Me` both carry it. */
export interface ActingAt {
  readonly organizationPath: string;
}

export const adminPolicy = {
  /** Create and edit organizations (the page is 组织机构管理 for them). */
  manageOrganizations: permission('管理组织机构', ['admin']),
  viewOrganizations: permission('查看组织机构', ['admin', 'supervisor']),
  /** Create and edit users, and reset other users' passwords (everyone may change their own). */
  manageUsers: permission('管理用户', ['admin']),
  /** Unlock an account locked after repeated failed logins (of the admin's subtree; a password reset also unlocks). */
  unlockUsers: permission('解锁账号', ['admin']),
  /** The staff list with enforcement certificates (人员与执法证). */
  viewStaff: permission('查看人员与执法证', ['admin', 'supervisor', 'head', 'reviewer']),
  /** The organizations-and-staff overview on the workbench. */
  viewOverview: permission('查看单位与人员概况', ['admin', 'supervisor', 'head']),
  /**
   * Holidays and make-up working days of the legal calendar; everyone reads it. One calendar serves every
   * organization (the State Council's arrangement), so only an admin of the top-level organization keeps it: the
   * subject is where the actor works (`may(me, editCalendar, me)`).
   */
  editCalendar: permission<ActingAt>('维护法定工作日历', ['admin'], {
    holds: (_who, at) => isTopLevelPath(at.organizationPath),
    refusal: '法定节假日日历为全国统一数据，仅市级（顶层）管理员可以维护',
  }),
  verifyAudit: permission('审计链核验', ['supervisor', 'admin']),
  /** A subject's audit trail (a case, a user …), within the actor's subtree (services/audit-browse.ts). */
  viewAuditTrail: permission('查看审计记录', ['supervisor', 'admin']),
  analyzeReports: permission('年度报告分析', ['supervisor', 'admin', 'head', 'reviewer']),
};
