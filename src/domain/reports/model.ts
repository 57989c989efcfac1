/**
 * The annual report's draft (法治政府建设年度报告, issue #19 item 2; docs/REPORTS.md), the domain part: its five parts
 * — the parts the supervisors' rules ask every report for, named as the analyzer names them (domain/analyzer/types.ts
 * `SectionKey`), so a generated report and an uploaded one line up in the comparison — and the sub-sections of part 一
 * by area, as the seed reports arrange them. Pure data and types; composing is in draft.ts, refreshing in refresh.ts.
 */
import type { SectionKey } from '../analyzer/types.ts';
import type { IndicatorKey } from '../indicators/catalog.ts';

/** The five parts, in order, with the heading the report prints. */
export const reportParts = [
  { key: 'measures', heading: '一、主要举措和成效' },
  { key: 'shortcomings', heading: '二、存在的不足和原因' },
  { key: 'responsibility', heading: '三、党政主要负责人履行推进法治建设第一责任人职责情况' },
  { key: 'plan', heading: '四、下一年度工作打算' },
  { key: 'other', heading: '五、其他需要报告的情况' },
] as const satisfies readonly { key: SectionKey; heading: string }[];
export type ReportPartKey = (typeof reportParts)[number]['key'];

/** The sub-sections of part 一, by area, with the catalog keys whose sentences open each. */
export const measureAreas = [
  {
    key: 'functions',
    heading: '（一）依法全面履行职能',
    keys: ['approvals_handled', 'approval_time_compression', 'online_processing_rate', 'approvals_overdue', 'service_hall_items', 'one_thing_packages'],
  },
  { key: 'rules', heading: '（二）制度建设与决策', keys: ['normative_docs_reviewed', 'normative_docs_in_force', 'normative_docs_filed', 'major_decisions', 'legality_reviews'] },
  {
    key: 'enforcement',
    heading: '（三）行政执法',
    keys: [
      'penalty_cases',
      'penalty_amount',
      'legal_reviews',
      'penalties_published',
      'non_penalty_cases',
      'exempted_amount',
      'persuasion_education',
      'first_violation_exempt_items',
      'discretion_benchmark_items',
      'enterprise_penalty_filings',
      'inspections',
      'inspection_staff_trips',
      'issues_found',
      'rectification_rate',
      'random_inspection_items',
    ],
  },
  { key: 'oversight', heading: '（四）权力监督', keys: ['case_file_reviews', 'info_disclosed'] },
  {
    key: 'disputes',
    heading: '（五）矛盾纠纷化解',
    keys: [
      'petitions_handled',
      'petition_satisfaction',
      'disputes_mediated',
      'mediation_success_rate',
      'reconsideration_correction_rate',
      'reconsideration_settlement_rate',
      'substantive_resolution_rate',
      'litigation_loss_rate',
      'head_appearance_rate',
      'legal_aid_cases',
    ],
  },
  { key: 'education', heading: '（六）普法与法治宣传', keys: ['publicity_events', 'materials_distributed', 'legal_consultations', 'typical_cases'] },
  { key: 'team', heading: '（七）队伍建设', keys: ['training_sessions', 'trained_persons', 'exam_pass_rate', 'enforcement_officers', 'legal_review_staff_ratio'] },
] as const satisfies readonly { key: string; heading: string; keys: readonly IndicatorKey[] }[];
export type MeasureAreaKey = (typeof measureAreas)[number]['key'];

/** Keys written in part 三 (the leadership's own study of law is how the first-responsibility duty is reported). */
export const responsibilityKeys = ['law_study_sessions'] as const satisfies readonly IndicatorKey[];

/** Where a figure came from (the indicator table's `source`). */
export type FigureOrigin = 'computed' | 'hand-entered' | 'none';

/** One figure as the draft reads it: a value of the indicator table (domain/indicators/table-views.ts). */
export interface DraftFigure {
  value: number | null;
  source: FigureOrigin;
  numerator?: number;
  denominator?: number;
}

/** The figures a draft is written from: the report's year and, when known, the year before (year-on-year). */
export interface DraftFigures {
  year: number;
  current: Partial<Record<IndicatorKey, DraftFigure>>;
  previous?: Partial<Record<IndicatorKey, DraftFigure>>;
}

/**
 * A piece of a paragraph. Text is the author's (or a template's words); a figure is a live field: it keeps the value
 * it was written with (`written`, and `previous` for a year-on-year change), so a refresh can say which changed.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; key: IndicatorKey; written: number | null; source: FigureOrigin; text: string }
  | { kind: 'change'; key: IndicatorKey; written: number | null; previous: number | null; text: string };

/**
 * A paragraph: written from a template (`template`), seeded from the data for the author to keep or delete
 * (`seeded`, part 二), or the author's own (`author`, with a `prompt` saying what belongs there — shown by the editor,
 * never printed).
 */
export interface Paragraph {
  id: string;
  origin: 'template' | 'seeded' | 'author';
  segments: Segment[];
  prompt?: string;
}

export interface DraftSection {
  key: string;
  heading: string | null;
  paragraphs: Paragraph[];
}

export interface DraftPart {
  key: ReportPartKey;
  heading: string;
  sections: DraftSection[];
}

export interface ReportDraft {
  title: string;
  unitName: string;
  year: number;
  parts: DraftPart[];
}
