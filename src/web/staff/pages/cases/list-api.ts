import { request } from '../../../shared/api.ts';
import type { CaseSummary } from './types.ts';

export interface CasePage {
  items: CaseSummary[];
  /** At most 1000: the server stops counting there (`totalCapped`; docs/CASES.md "Case list"). */
  total: number;
  totalCapped: boolean;
}

/**
 * GET /api/cases: the body is the page of rows, the number of matching cases comes in `x-total-count` — counted up
 * to 1000; `x-total-capped: true` when more match.
 */
export async function loadCases(query: Record<string, string | number>, signal?: AbortSignal): Promise<CasePage> {
  let total = 0;
  let totalCapped = false;
  const items = await request<CaseSummary[]>('GET', '/cases', {
    query,
    ...(signal ? { signal } : {}),
    onResponse: (r) => {
      total = Number(r.headers.get('x-total-count') ?? 0);
      totalCapped = r.headers.get('x-total-capped') === 'true';
    },
  });
  return { items, total, totalCapped };
}

/** "超过1000" when the server stopped counting, else the number. */
export function totalLabel(page: Pick<CasePage, 'total' | 'totalCapped'>): string {
  return page.totalCapped ? `超过${page.total}` : String(page.total);
}
