/**
 * The party's statements (陈述、申辩, 《行政处罚法》第四十五条) as the documents read them: the recorded list when the
 * case has one, else the single `statement` of a hand-built case.
 */
import type { DocumentCase, StatementAndDefence } from './model.ts';

/** Every recorded statement or waiver with its day: one 陈述申辩笔录 each. */
export function recordedStatements(c: DocumentCase): StatementAndDefence[] {
  const list = c.statements ?? (c.statement ? [c.statement] : []);
  // A statement without its day is a hand-built record of the older fixtures: the engine always records the day.
  return list.filter((s) => s.date && (s.made || s.waived));
}

/** The statements that raised points: one 复核意见书 each, and each told in the decision with its 复核. */
export function madeStatements(c: DocumentCase): StatementAndDefence[] {
  if (c.statements) return c.statements.filter((s) => s.made);
  return c.statement?.made ? [c.statement] : [];
}
