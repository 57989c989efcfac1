/**
 * Sentence templates per indicator: how a figure is written into the report (“全年作出行政处罚决定 N 件”), and the
 * year-on-year change where last year's figure exists (“同比增长 x%” for counts and money, “同比提高 x 个百分点”
 * for rates — a rate's change is in percentage points, never a percentage of a percentage). Pure.
 */
import { indicatorCatalog, type IndicatorKey, indicatorMeasure } from '../indicators/catalog.ts';
import type { DraftFigure, Segment } from './model.ts';

/** What comes before the figure in each key's clause; the figure and its unit follow. */
export const sentenceTemplates: Record<IndicatorKey, string> = {
  law_study_sessions: '党组（党委）理论学习中心组和常务会议组织专题学法',
  training_sessions: '组织法治培训',
  trained_persons: '参训',
  exam_pass_rate: '学法考试合格率',
  approvals_handled: '办理审批服务事项',
  approval_time_compression: '承诺时限比法定时限压缩',
  online_processing_rate: '全程网办率',
  approvals_overdue: '超期办件',
  service_hall_items: '进驻政务服务大厅事项',
  one_thing_packages: '推出“一件事”套餐',
  normative_docs_reviewed: '对规范性文件进行合法性审核',
  normative_docs_in_force: '现行有效规范性文件',
  normative_docs_filed: '报送备案规范性文件',
  major_decisions: '纳入重大行政决策事项目录',
  legality_reviews: '开展合法性审查',
  penalty_cases: '全年作出行政处罚决定',
  penalty_amount: '罚没金额',
  legal_reviews: '重大执法决定法制审核',
  penalties_published: '公示行政处罚决定',
  non_penalty_cases: '依法作出不予处罚决定',
  exempted_amount: '免罚金额',
  persuasion_education: '开展说服教育',
  case_file_reviews: '开展案卷评查，评查案卷',
  enforcement_officers: '现有持证执法人员',
  legal_review_staff_ratio: '法制审核人员占执法人员的',
  inspections: '开展巡查检查',
  inspection_staff_trips: '出动执法人员',
  issues_found: '发现各类问题',
  rectification_rate: '整改到位率',
  random_inspection_items: '纳入“双随机、一公开”抽查的事项',
  first_violation_exempt_items: '“首违不罚”“轻微免罚”清单事项',
  discretion_benchmark_items: '对违法行为细化裁量基准',
  enterprise_penalty_filings: '涉企行政处罚报备',
  petitions_handled: '办理信访投诉',
  petition_satisfaction: '群众满意度',
  disputes_mediated: '调解各类纠纷',
  mediation_success_rate: '调解成功率',
  reconsideration_correction_rate: '行政复议纠错率',
  reconsideration_settlement_rate: '行政复议调撤率',
  substantive_resolution_rate: '行政争议实质性化解率',
  litigation_loss_rate: '行政诉讼败诉率',
  head_appearance_rate: '负责人出庭应诉率',
  legal_aid_cases: '办结法律援助案件',
  info_disclosed: '主动公开政府信息',
  publicity_events: '开展普法宣传活动',
  materials_distributed: '发放宣传资料',
  legal_consultations: '提供法律咨询',
  typical_cases: '发布（报送）典型案例',
};

/** The unit as a sentence writes it: 人(次) → 人次, 场(次) → 场次, 例(件) → 例. */
function sentenceUnit(key: IndicatorKey): string {
  const unit = indicatorCatalog.find((e) => e.key === key)!.unit;
  return unit.replace(/^(人|场)\((次)\)$/, '$1$2').replace(/^例\(件\)$/, '例');
}

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** A figure with its unit as the report prints it: 12件, 3.88万元, 850元, 80.75%. */
export function formatFigure(key: IndicatorKey, value: number): string {
  const measure = indicatorMeasure(key);
  if (measure === 'rate') return `${trim(value, 2)}%`;
  if (measure === 'amount') return value >= 10_000 ? `${trim(value / 10_000, 2)}万元` : `${trim(value, 2)}元`;
  return `${String(value)}${sentenceUnit(key)}`;
}

/**
 * The year-on-year phrase, or '' when either year has no value: counts and money “同比增长 25%” / “同比下降 10%” /
 * “与上年持平” (“上年为 0” when there is no base to divide by); rates “同比提高 2.5 个百分点” / “降低” / “与上年持平”.
 */
export function changePhrase(key: IndicatorKey, value: number | null, previous: number | null): string {
  if (value === null || previous === null) return '';
  if (value === previous) return '，与上年持平';
  if (indicatorMeasure(key) === 'rate') {
    const points = trim(Math.abs(value - previous), 2);
    return `，同比${value > previous ? '提高' : '降低'}${points}个百分点`;
  }
  if (previous === 0) return `，上年为0`;
  const percent = trim((Math.abs(value - previous) / previous) * 100, 1);
  return `，同比${value > previous ? '增长' : '下降'}${percent}%`;
}

/**
 * The clause of `key` as segments: the template's words, the figure (a live field), and the year-on-year change (a
 * live field too) when last year's value is given. Null when the figure has no value: a sentence never says 0 for
 * “no record”.
 */
export function figureClause(key: IndicatorKey, figure: DraftFigure | undefined, previous?: DraftFigure): Segment[] | null {
  if (!figure || figure.value === null) return null;
  const segments: Segment[] = [
    { kind: 'text', text: sentenceTemplates[key] },
    { kind: 'figure', key, written: figure.value, source: figure.source, text: formatFigure(key, figure.value) },
  ];
  if (previous !== undefined) {
    const prior = previous.value;
    segments.push({ kind: 'change', key, written: figure.value, previous: prior, text: changePhrase(key, figure.value, prior) });
  }
  return segments;
}

/** The text of segments, as printed. */
export const segmentsText = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');
