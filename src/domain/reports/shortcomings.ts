/**
 * “存在的不足” seeded from the data (issue #19 item 2): each finding the figures support becomes a paragraph of part 二
 * that the author keeps, rewrites or deletes — never invented: a finding appears only when its figures are there and
 * show a shortfall. Findings on catalog figures keep them as live fields; the facts outside the catalog (deadlines
 * met late, expired certificates, late publications) are read by the services from the ledgers and passed in.
 */
import type { IndicatorKey } from '../indicators/catalog.ts';
import { percentageOf } from '../indicators/rollup.ts';
import { art } from '../workflow/law.ts';
import type { DraftFigures, Paragraph, Segment } from './model.ts';
import { formatFigure } from './templates.ts';

/** Facts of the year outside the indicator catalog, counted by the ledgers' services. */
export interface ShortcomingFacts {
  /** Case deadlines (办案期限, 缴款期限 …) that fell due in the year, and those met late or still open past due. */
  caseDeadlines?: { due: number; late: number };
  /** Active users holding an enforcement certificate number, and those whose certificate had expired on the year's last day (or today). */
  certificates?: { holders: number; expired: number };
  /** Penalty decisions published in the year, and those published after the unit's publication deadline. */
  publicity?: { published: number; late: number };
}

export interface SeededShortcoming {
  /** What the finding is about, stable across refreshes (the paragraph id is `shortcoming:<kind>`). */
  kind: 'approvalsOverdue' | 'caseDeadlines' | 'certificates' | 'training' | 'examPass' | 'publicity' | 'reconsideration' | 'litigation' | 'rectification';
  /** The provision the finding measures against, when a legal rule underlies it. */
  article?: string;
  paragraph: Paragraph;
}

const text = (t: string): Segment => ({ kind: 'text', text: t });

/**
 * The findings `figures` and `facts` support, in a fixed order: overdue work (approvals, case deadlines), the
 * enforcement staff (certificates 《行政处罚法》第四十二条, training, law exams), late publicity (第四十八条),
 * reconsideration corrections and lost lawsuits, unrectified problems.
 */
export function seedShortcomings(figures: DraftFigures, facts: ShortcomingFacts = {}): SeededShortcoming[] {
  const out: SeededShortcoming[] = [];
  const value = (key: IndicatorKey) => figures.current[key]?.value ?? null;
  const figure = (key: IndicatorKey): Segment => {
    const f = figures.current[key]!;
    return { kind: 'figure', key, written: f.value, source: f.source, text: formatFigure(key, f.value!) };
  };
  const add = (kind: SeededShortcoming['kind'], segments: Segment[], article?: string) =>
    out.push({ kind, ...(article ? { article } : {}), paragraph: { id: `shortcoming:${kind}`, origin: 'seeded', segments } });

  const overdueApprovals = value('approvals_overdue');
  if (overdueApprovals !== null && overdueApprovals > 0) add('approvalsOverdue', [text('审批服务仍有超期办件'), figure('approvals_overdue'), text('，按承诺时限办结的要求尚未完全落实。')]);
  const deadlines = facts.caseDeadlines;
  if (deadlines && deadlines.due > 0 && deadlines.late > 0) {
    add('caseDeadlines', [
      text(`办案期限管理仍有薄弱环节：本年度到期的${String(deadlines.due)}项办案期限中，${String(deadlines.late)}项超期完成或至今未完成，超期率${String(percentageOf(deadlines.late, deadlines.due))}%。`),
    ]);
  }
  const certificates = facts.certificates;
  if (certificates && certificates.expired > 0) {
    add(
      'certificates',
      [text(`执法证件管理有待加强：${String(certificates.holders)}名持证人员中，${String(certificates.expired)}人执法证已过期，不具备执法资格，须及时换证或调整岗位。`)],
      art('行政处罚法', 42),
    );
  }
  const trained = value('trained_persons');
  const officers = value('enforcement_officers');
  if (trained !== null && officers !== null && trained < officers) {
    add('training', [text('法治培训覆盖面不足：全年参训'), figure('trained_persons'), text('，少于持证执法人员'), figure('enforcement_officers'), text('，尚未实现执法人员全员轮训。')]);
  }
  const exam = value('exam_pass_rate');
  if (exam !== null && exam < 100) add('examPass', [text('学法考试合格率为'), figure('exam_pass_rate'), text('，部分人员法律素养有待提高。')]);
  const publicity = facts.publicity;
  if (publicity && publicity.late > 0) {
    add(
      'publicity',
      [text(`行政处罚决定公开不够及时：本年度公示的${String(publicity.published)}件中，${String(publicity.late)}件超过公示时限。`)],
      art('行政处罚法', 48),
    );
  }
  const corrected = value('reconsideration_correction_rate');
  if (corrected !== null && corrected > 0) add('reconsideration', [text('行政复议纠错率为'), figure('reconsideration_correction_rate'), text('，部分行政行为的合法性、合理性仍有不足。')]);
  const lost = value('litigation_loss_rate');
  if (lost !== null && lost > 0) add('litigation', [text('行政诉讼败诉率为'), figure('litigation_loss_rate'), text('，依法行政水平仍需提升。')]);
  const rectified = value('rectification_rate');
  if (rectified !== null && rectified < 100) add('rectification', [text('巡查检查发现问题的整改到位率为'), figure('rectification_rate'), text('，仍有问题未整改到位。')]);
  return out;
}
