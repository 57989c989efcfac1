/**
 * The kinds of to-do (待办) a user of the case engine has: what waits for them, for which role, and whether several
 * may be approved together (批量审批). Batching is allowed only where the law asks the same one act of the same person
 * on each case and leaves nothing to weigh case by case; every other kind is opened and decided case by case.
 */
import type { Role } from '../access.ts';
import { art } from '../workflow/law.ts';

export interface TodoKindSpec {
  label: string;
  roles: readonly Role[];
  /** Why several of this kind may or may not be approved at once. */
  batch: { allowed: boolean; why: string };
}

const one = (why: string) => ({ allowed: false, why });

export const todoKinds = {
  filingApproval: {
    label: '待立案审批',
    roles: ['head'],
    // 第五十四条 makes filing the head's judgment that the filing standard is met, and 第四十二条 asks the head to name
    // at least two certified officers for each case: neither is the same act on every case.
    batch: one(`立案须逐案审查是否符合立案条件（${art('行政处罚法', 54)}）并指定本案执法人员（${art('行政处罚法', 42)}），不能批量办理`),
  },
  decision: {
    label: '待作出决定',
    roles: ['head'],
    // 第五十七条: the head reviews each case's investigation result and decides it; 第五十九条: one decision per case.
    batch: one(`行政机关负责人应当对调查结果逐案进行审查后作出决定（${art('行政处罚法', 57)}），不能批量作出`),
  },
  closingApproval: {
    label: '待结案审批',
    roles: ['head'],
    // The closing approval is an internal sign-off of a case whose performance the engine has already checked
    // (paid in full or court enforcement applied, cash in the bank, the decision published): the same one act on each.
    batch: { allowed: true, why: '结案审批为内部审批：系统已逐案核验履行完毕、罚没款入库和公示情况，负责人可对已满足结案条件的案件批量签署同一审批意见' },
  },
  deferralApproval: {
    label: '待批准延期（分期）缴纳',
    roles: ['head'],
    // 第六十六条第二款: the party's economic hardship is weighed on each request, and the schedule set for each case.
    batch: one(`当事人确有经济困难的，延期或分期缴纳须逐案审查并确定缴纳期限（${art('行政处罚法', 66)}第二款）`),
  },
  recusal: { label: '待决定回避申请', roles: ['head'], batch: one(`回避申请由负责人逐人决定（${art('行政处罚法', 43)}）`) },
  extension: {
    label: '办案期限即将届满',
    roles: ['head'],
    batch: one(`延长办案期限须逐案说明理由并确定延长后的期限（${art('行政处罚法', 60)}）`),
  },
  courtEnforcement: {
    label: '可申请人民法院强制执行',
    roles: ['head'],
    batch: one(`申请强制执行须逐案核对催告和期限（${art('行政处罚法', 72)}；《行政强制法》）`),
  },
  review: { label: '待法制审核', roles: ['reviewer'], batch: one(`法制审核须逐案逐项审核（${art('行政处罚法', 58)}）`) },
  closingReview: { label: '待签署结案审核意见', roles: ['reviewer'], batch: one('结案审核意见须逐案核对案卷后签署') },
  returnedReview: { label: '法制审核退回', roles: ['officer'], batch: one('按审核意见逐案补正') },
  preservationDecision: {
    label: '先行登记保存待处理',
    roles: ['officer'],
    batch: one(`先行登记保存的证据应当在七日内逐项作出处理决定（${art('行政处罚法', 56)}）`),
  },
  deadline: { label: '期限提醒', roles: ['officer'], batch: one('逐案办理') },
  urge: { label: '督办', roles: ['officer'], batch: one('逐案办理') },
  readyToClose: { label: '待结案', roles: ['officer'], batch: one('结案由承办人逐案填写结案报告') },
} satisfies Record<string, TodoKindSpec>;

export type TodoKind = keyof typeof todoKinds;
export const todoKindKeys = Object.keys(todoKinds) as TodoKind[];
