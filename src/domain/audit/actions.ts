/** Every audited action, with what it records. New features add their actions here. */
export const auditActions = {
  /** An organization was created. */
  'organization.create': '创建组织机构',
  /** An organization's data (name, codes, parent) changed. */
  'organization.update': '修改组织机构',
  /** A user account was created. */
  'user.create': '创建用户',
  /** A user's roles, certificate or status changed. */
  'user.update': '修改用户',
  /** A user's password was set or reset. */
  'user.password': '重置密码',
  /** Someone logged in (successful logins only; failures are rate-limited, not chained). */
  'session.login': '登录',
  /** Someone logged out. */
  'session.logout': '退出登录',
  /** A holiday or make-up workday was entered or changed by an admin. */
  'calendar.set': '设置节假日/调休',
  /** An admin-entered calendar day was removed. */
  'calendar.remove': '删除节假日/调休设置',
  /** An admin marked a year's official schedule as completely entered (or withdrew that mark). */
  'calendar.year': '设置年度日历完整性',
} as const;

export type AuditAction = keyof typeof auditActions;
