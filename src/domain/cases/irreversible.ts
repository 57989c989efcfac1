/**
 * Steps that cannot be taken back once recorded: a served notice starts the party's periods, a decision has legal
 * effect, a payment is accounted for. The staff app submits them only by their button and after a confirmation that
 * says what will happen — never by Enter in a field (a barcode scanner sends one after a receipt number). A mistake
 * afterwards is corrected only the way the law allows (撤销/变更 of a decision, 《行政处罚法》第七十五条第二款).
 */
import type { CaseAction } from './actions.ts';

export const irreversibleSteps: Partial<Record<CaseAction, string>> = {
  notify: '事先告知送达后，陈述、申辩期限（及听证申请期限）开始计算，不可撤回。',
  decide: '处罚决定作出后即发生法律效力，决定书编号和行政行为码随之生成，不可撤回；如有错误只能依法撤销或变更。',
  serve: '送达后，当事人缴纳罚款、申请行政复议和提起行政诉讼的期限开始计算，不可撤回。',
  recordPayment: '缴款记录将计入已缴金额并据以结案，不可撤回。',
  handOverCash: '交款记录将写入案件，当场收缴的罚款视为已交至行政机关，不可撤回。',
  depositCash: '缴付银行记录将写入案件，不可撤回。',
  close: '结案后案件不能再办理（归档除外），不可撤回。',
  archive: '归档后案卷封存，不可撤回。',
  revokeDecision: '撤销或变更后，原决定按新的状态执行或停止执行，不可撤回。',
  decline: '不予立案后线索办结，不可撤回。',
  terminate: '终止调查后案件办结，不可撤回。',
  withdrawFiling: '撤销立案后案件办结，不可撤回。',
};
