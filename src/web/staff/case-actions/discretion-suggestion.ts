/**
 * What the discretion helper shows and suggests: the answer of `POST /api/cases/:id/discretion/assess` (the parts
 * the helper uses; src/server/routes/discretion.ts `preview`) and the penalty it fills in from it. Pure, tested in
 * discretion-suggestion.test.ts.
 */
import { formatYuan } from '../../../domain/cases/model.ts';
import { yuanToFen } from './form-values.ts';

/** POST /api/cases/:id/discretion/assess (src/server/routes/discretion.ts `preview`): the parts shown here. */
export interface DiscretionPreview {
  violation: string | null;
  benchmark: { versionName: string; citation: string } | null;
  note: string | null;
  facts: Record<string, unknown> | null;
  assessment: {
    outcome: 'penalty' | 'noFine' | 'noPenalty' | 'undetermined';
    tier?: { name: string; conditionText: string; standardText: string };
    fine?: { min: number; max: number };
    statutoryFine?: { min: number; max: number };
    pendingTiers: { name: string; unresolved: string[] }[];
    missingFacts: string[];
    item: { penaltyProvision: string };
    explanation: string;
  } | null;
  proposal: { accepted: boolean; withinRange: boolean | null; requiresLegalReview: boolean; message: string; article: string | null } | null;
  exemption: { outcome: 'noPenalty' | 'mayWaive' | 'none'; explanation: string } | null;
  similarCases: SimilarCase[];
}

export interface SimilarCase {
  caseId: number;
  title: string;
  decisionNumber: string | null;
  decidedOn: string;
  tierName: string;
  fineFen: number;
  reasons: string[];
}

/**
 * The suggestion as penalty form values (money in 元, as the form holds it): the tier's range, its lower end as
 * the fine (the officer may raise it within the range), the 罚则 and the benchmark item as the basis.
 */
export function suggestedPenalty(p: DiscretionPreview): Record<string, unknown> & { range: { minFen: number; maxFen: number } | null } {
  const a = p.assessment!;
  const fine = a.fine && a.fine.max > 0 ? a.fine : undefined;
  return {
    kinds: fine ? ['fine'] : ['warning'],
    fineFen: fine ? fine.min : null,
    range: fine ? { minFen: fine.min, maxFen: fine.max } : null,
    description: fine ? `罚款人民币${formatYuan(yuanToFen(fine.min))}` : '警告',
    basis: [a.item.penaltyProvision, p.benchmark?.citation].filter(Boolean).join('；'),
    tier: a.tier?.name ?? null,
    benchmarkVersion: p.benchmark?.versionName ?? null,
  };
}
