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
  /** A case clue was registered (线索登记), with its party and 行政行为码. */
  'case.register': '登记案件线索',
  /** A step of the case workflow (立案, 告知, 决定, 送达…); the change names the action and its data. */
  'case.transition': '案件办理步骤',
  /** A simple-procedure decision made on the spot (《行政处罚法》第五十一条、第五十二条). */
  'case.simpleDecision': '当场作出简易程序处罚决定',
  /** An evidence item was recorded (kind, SM3 digest of the file, recorder, time, place). */
  'case.evidence': '登记证据',
  /** An enforcement document (or the bound case file) was generated and stored with its SM3 digest. */
  'case.document': '生成执法文书',
  /** A decision was published, or its publicity withdrawn (《行政处罚法》第四十八条). */
  'case.publicity': '处罚决定公示',
  /** An organization's local case parameters changed. */
  'case.settings': '修改办案参数',
  /** An item was added to or changed on an organization's power list (权责清单). */
  'case.powerItem': '维护权责清单',
  /** A discretion benchmark (裁量基准) was imported as a new version: file, counts and every rejected row. */
  'benchmark.import': '导入裁量基准',
  /** An exemption list (首违不罚/轻微免罚清单) was imported as a new version: file, counts and every rejected row. */
  'exemptionList.import': '导入免罚清单',
} as const;

export type AuditAction = keyof typeof auditActions;
