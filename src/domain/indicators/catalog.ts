/**
 * The indicator catalog (法治政府建设指标, ../shared/docs/INDICATORS.md): one list for every use — computed from the
 * ledgers (each module's `indicators.ts`, docs/ARCHITECTURE.md "Indicators"), written into the annual report,
 * extracted from free-text reports by the analyzer, compared across units. Keys are a contract; the unit is the
 * normalized unit every value is expressed in: counts are plain numbers, money is in 元, rates are percentages as
 * numbers (80.75 for 80.75 %).
 */
export const indicatorCatalog = [
  { key: 'law_study_sessions', name: '专题学法次数', unit: '次' },
  { key: 'training_sessions', name: '法治培训期次', unit: '次' },
  { key: 'trained_persons', name: '参训人数', unit: '人(次)' },
  { key: 'exam_pass_rate', name: '学法考试合格率', unit: '%' },
  { key: 'approvals_handled', name: '审批服务办件量', unit: '件' },
  { key: 'approval_time_compression', name: '承诺时限压缩比例', unit: '%' },
  { key: 'online_processing_rate', name: '全程网办率', unit: '%' },
  { key: 'approvals_overdue', name: '超期办件数', unit: '件' },
  { key: 'service_hall_items', name: '进驻政务服务大厅事项数', unit: '项' },
  { key: 'one_thing_packages', name: '“一件事”套餐数', unit: '项' },
  { key: 'normative_docs_reviewed', name: '规范性文件合法性审核件数', unit: '件' },
  { key: 'normative_docs_in_force', name: '现行有效规范性文件件数', unit: '件' },
  { key: 'normative_docs_filed', name: '规范性文件备案件数', unit: '件' },
  { key: 'major_decisions', name: '重大行政决策事项数', unit: '项' },
  { key: 'legality_reviews', name: '合法性审查件数', unit: '件' },
  { key: 'penalty_cases', name: '行政处罚案件数', unit: '件' },
  { key: 'penalty_amount', name: '罚没金额', unit: '元' },
  { key: 'legal_reviews', name: '重大执法决定法制审核件数', unit: '件' },
  { key: 'penalties_published', name: '公示行政处罚决定件数', unit: '件' },
  { key: 'non_penalty_cases', name: '不予处罚（免罚）件数', unit: '件' },
  { key: 'exempted_amount', name: '免罚金额', unit: '元' },
  { key: 'persuasion_education', name: '说服教育人次', unit: '人次' },
  { key: 'case_file_reviews', name: '案卷评查件数', unit: '件' },
  { key: 'enforcement_officers', name: '执法人员数', unit: '人' },
  { key: 'legal_review_staff_ratio', name: '法制审核人员占比', unit: '%' },
  { key: 'inspections', name: '巡查检查次数', unit: '次' },
  { key: 'inspection_staff_trips', name: '出动人次', unit: '人次' },
  { key: 'issues_found', name: '发现问题件数', unit: '件' },
  { key: 'rectification_rate', name: '整改到位率', unit: '%' },
  { key: 'random_inspection_items', name: '双随机抽查事项数', unit: '项' },
  { key: 'first_violation_exempt_items', name: '首违不罚清单事项数', unit: '项' },
  { key: 'discretion_benchmark_items', name: '裁量基准细化违法行为数', unit: '项' },
  { key: 'enterprise_penalty_filings', name: '涉企处罚报备件数', unit: '件' },
  { key: 'petitions_handled', name: '信访投诉办理件数', unit: '件' },
  { key: 'petition_satisfaction', name: '群众满意度', unit: '%' },
  { key: 'disputes_mediated', name: '调解纠纷件数', unit: '件' },
  { key: 'mediation_success_rate', name: '调解成功率', unit: '%' },
  { key: 'reconsideration_correction_rate', name: '行政复议纠错率', unit: '%' },
  { key: 'reconsideration_settlement_rate', name: '行政复议调撤率', unit: '%' },
  { key: 'substantive_resolution_rate', name: '实质性化解率', unit: '%' },
  { key: 'litigation_loss_rate', name: '行政诉讼败诉率', unit: '%' },
  { key: 'head_appearance_rate', name: '负责人出庭应诉率', unit: '%' },
  { key: 'legal_aid_cases', name: '法律援助案件数', unit: '件' },
  { key: 'info_disclosed', name: '主动公开政府信息条数', unit: '条' },
  { key: 'publicity_events', name: '普法宣传活动场次', unit: '场(次)' },
  { key: 'materials_distributed', name: '发放宣传资料份数', unit: '份' },
  { key: 'legal_consultations', name: '法律咨询人次', unit: '人次' },
  { key: 'typical_cases', name: '典型案例数', unit: '例(件)' },
] as const;

export type IndicatorKey = (typeof indicatorCatalog)[number]['key'];

const byKey = new Map<string, (typeof indicatorCatalog)[number]>(indicatorCatalog.map((entry) => [entry.key, entry]));

export function isIndicatorKey(key: string): key is IndicatorKey {
  return byKey.has(key);
}

export function indicatorName(key: IndicatorKey): string {
  return byKey.get(key)?.name ?? key;
}

export function indicatorUnit(key: IndicatorKey): string {
  return byKey.get(key)?.unit ?? '';
}

/**
 * How a figure is made, which is also how figures of several units combine: a `count` of records and an `amount`
 * (a sum of money, 元) add up; a `rate` (%) does not — it is recomputed from summed numerators and denominators.
 */
export type IndicatorMeasure = 'count' | 'amount' | 'rate';

export function indicatorMeasure(key: IndicatorKey): IndicatorMeasure {
  const unit = indicatorUnit(key);
  return unit === '%' ? 'rate' : unit === '元' ? 'amount' : 'count';
}
