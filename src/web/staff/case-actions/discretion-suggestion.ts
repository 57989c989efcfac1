/**
 * What the discretion helper shows and suggests: the answer of `POST /api/cases/:id/discretion/assess` (its shape is
 * src/domain/discretion/views.ts `discretionPreview`) and the penalty it fills in from it. Pure, tested in
 * discretion-suggestion.test.ts.
 */
import { formatYuan } from '../../../domain/cases/model.ts';
import type { DiscretionPreview } from '../../../domain/discretion/views.ts';
import { yuanToFen } from './form-values.ts';

export type { DiscretionPreview, SimilarCase } from '../../../domain/discretion/views.ts';

type Assessment = NonNullable<DiscretionPreview['assessment']>;

/** The parts of POST /api/cases/:id/discretion/assess the suggestion reads. */
export interface SuggestionSource {
  benchmark: Pick<NonNullable<DiscretionPreview['benchmark']>, 'versionName' | 'citation'> | null;
  assessment: { fine?: Assessment['fine']; tier?: Pick<NonNullable<Assessment['tier']>, 'name'>; item: Pick<Assessment['item'], 'penaltyProvision'> } | null;
}

/**
 * The suggestion as penalty form values (money in 元, as the form holds it): the tier's range, its lower end as
 * the fine (the officer may raise it within the range), the 罚则 and the benchmark item as the basis.
 */
export function suggestedPenalty(p: SuggestionSource): Record<string, unknown> & { range: { minFen: number; maxFen: number } | null } {
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
