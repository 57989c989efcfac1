import type { IndicatorKey } from './catalog.ts';

/** The parts 《法治政府建设与责任落实督察工作规定》 asks an annual report to contain. */
export const sectionKeys = ['measures', 'shortcomings', 'responsibility', 'plan', 'other'] as const;
export type SectionKey = (typeof sectionKeys)[number];

/** The parts whose absence is reported in `missingSections` (`other` is optional). */
export const requiredSectionKeys = ['measures', 'shortcomings', 'responsibility', 'plan'] as const satisfies readonly SectionKey[];
export type RequiredSectionKey = (typeof requiredSectionKeys)[number];

export const sectionNames: Record<SectionKey, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和问题',
  responsibility: '党政主要负责人履行第一责任人职责情况',
  plan: '下一年度工作打算',
  other: '其他需要报告的情况',
};

export interface IndicatorMention {
  key: IndicatorKey;
  value: number;
  unit: string;
  approx: boolean;
  /** The sentence the figure was read from. */
  text: string;
  /** Character offset of `text` in the analyzed text. */
  start: number;
}

/** One analyzed report, in the JSON shape of docs/ANALYZER.md. */
export interface ReportAnalysis {
  file: string;
  title: string | null;
  organization: string | null;
  year: number | null;
  date: string | null;
  sections: Record<SectionKey, boolean>;
  missingSections: RequiredSectionKey[];
  indicators: IndicatorMention[];
}
