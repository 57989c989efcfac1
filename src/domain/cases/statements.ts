/**
 * The party's statements and defences (陈述、申辩, 《行政处罚法》第四十五条) as a list: the party may state more than once
 * within the period, each statement is kept as it was recorded and gets its own 复核 reply. The guards and the
 * documents read them through these functions, never by picking one entry.
 */
import type { IsoDate } from '../calendar/iso-date.ts';

export interface StatementEntry {
  on: IsoDate;
  /** The party expressly waived the right (第六十二条) in this entry. */
  waived: boolean;
  content: string;
  /** 复核意见 (第四十五条第一款); '' until recorded. */
  reply: string;
  /** The day the reply was recorded when it came with a later step (`replyToStatement`); absent when given with the statement. */
  repliedOn?: IsoDate;
  /** The party expressly waived the hearing too (第六十四条第（一）项). */
  hearingWaived?: boolean;
}

/** A statement that raises points (not a waiver, with content): the agency must review it (第四十五条第一款). */
export const raisesPoints = (s: StatementEntry): boolean => !s.waived && s.content.trim() !== '';

/**
 * The party's right to state is waived when the latest entry is an express waiver (第六十二条): a statement made after
 * a waiver takes it back, a waiver after a statement ends the period early.
 */
export const statementWaived = (list: readonly StatementEntry[]): boolean => list.at(-1)?.waived === true;

/** The hearing was expressly waived in any entry (第六十四条第（一）项); a waiver is not taken back by a later statement. */
export const hearingWaivedInStatements = (list: readonly StatementEntry[]): boolean => list.some((s) => s.hearingWaived === true);

/** The party made a statement, not only waived (第四十五条第二款: the penalty may not then be raised because of it). */
export const statementMade = (list: readonly StatementEntry[]): boolean => list.some((s) => !s.waived);

/** 1-based numbers of the statements that raise points and have no 复核 reply yet. */
export const unansweredStatements = (list: readonly StatementEntry[]): number[] =>
  list.flatMap((s, i) => (raisesPoints(s) && !s.reply.trim() ? [i + 1] : []));
