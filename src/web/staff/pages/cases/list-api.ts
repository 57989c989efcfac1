import { request } from '../../../shared/api.ts';
import type { CaseSummary } from './types.ts';

export interface CasePage {
  items: CaseSummary[];
  total: number;
}

/** GET /api/cases: the body is the page of rows, the number of matching cases comes in `x-total-count`. */
export async function loadCases(query: Record<string, string | number>, signal?: AbortSignal): Promise<CasePage> {
  let total = 0;
  const items = await request<CaseSummary[]>('GET', '/cases', { query, ...(signal ? { signal } : {}), onResponse: (r) => (total = Number(r.headers.get('x-total-count') ?? 0)) });
  return { items, total };
}
