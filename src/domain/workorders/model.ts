/**
 * Work orders (工单): 12345 hotline orders, complaints and reports (投诉举报), petitions (信访: letters, visits, online),
 * orders assigned from above or transferred by another department, digital-城管 and video events, media reports —
 * one inbox, one loop (受理 → 派单 → 签收 → 办理 → 答复 → 办结 → 回访). Categories come from the city-management catalog
 * (GB/T 47678.5 管理部件和事项, ../shared/data/city-parts-and-matters.csv).
 */
export const workOrderChannels = {
  hotline: '12345热线',
  complaint: '投诉举报',
  petitionLetter: '信访（来信）',
  petitionVisit: '信访（来访）',
  petitionOnline: '信访（网上信访）',
  assigned: '上级交办',
  transfer: '部门移送',
  digital: '数字城管/视频',
  media: '媒体',
} as const;
export type WorkOrderChannel = keyof typeof workOrderChannels;
export const workOrderChannelKeys = Object.keys(workOrderChannels) as [WorkOrderChannel, ...WorkOrderChannel[]];

/** A petition (信访事项) follows the 信访工作条例: acceptance within 15 days, handling within 60, 复查 and 复核. */
export const isPetition = (channel: WorkOrderChannel): boolean => channel.startsWith('petition');

export const workOrderKinds = { consult: '咨询', help: '求助', suggestion: '建议', complaint: '投诉', report: '举报' } as const;
export type WorkOrderKind = keyof typeof workOrderKinds;
export const workOrderKindKeys = Object.keys(workOrderKinds) as [WorkOrderKind, ...WorkOrderKind[]];

export const workOrderStates = {
  received: '待派单',
  dispatched: '待签收',
  handling: '办理中',
  disputed: '派单异议',
  answered: '已答复',
  completed: '已办结',
  closed: '已关闭',
  merged: '已并单',
  declined: '不予受理',
  // 信访工作条例第三十五条、第三十六条: the petitioner asked the organ one level up to review the written reply (复查),
  // then the reviewing organ's own one level up to recheck its opinion (复核).
  reviewing: '复查中',
  reviewed: '已复查',
  rechecking: '复核中',
  rechecked: '已复核',
} as const;
export type WorkOrderState = keyof typeof workOrderStates;

export const satisfactionLevels = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof satisfactionLevels;
export const satisfactionKeys = Object.keys(satisfactionLevels) as [Satisfaction, ...Satisfaction[]];

/** The states in which the order is with a unit and its handling deadline runs. */
export const WITH_UNIT: readonly WorkOrderState[] = ['dispatched', 'handling'];

/** What the reviewing organ decided of the opinion before it (复查意见 / 复核意见). */
export const reviewOutcomes = { upheld: '维持原处理意见', changed: '变更原处理意见', revoked: '撤销原处理意见' } as const;
export type ReviewOutcome = keyof typeof reviewOutcomes;
export const reviewOutcomeKeys = Object.keys(reviewOutcomes) as [ReviewOutcome, ...ReviewOutcome[]];

/** What a file attached to an order is: taken at registration, or the handler's record of the result. */
export const attachmentPurposes = { registration: '登记材料', result: '办理结果' } as const;
export type AttachmentPurpose = keyof typeof attachmentPurposes;
export const attachmentPurposeKeys = Object.keys(attachmentPurposes) as [AttachmentPurpose, ...AttachmentPurpose[]];
