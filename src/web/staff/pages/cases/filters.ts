/**
 * The case-list filter contract (docs/CASES.md "Case list"), as the staff page keeps it in the URL: the same
 * parameter names as GET /api/cases, so a dashboard chart links straight to `/cases?…` and the page passes the
 * query on unchanged. Paging is `page` (1-based) and `pageSize` in the URL, limit/offset for the server.
 */
export const filterKeys = ['q', 'state', 'deadline', 'officerId', 'violation', 'category', 'from', 'to', 'month', 'organizationId', 'penaltyKind'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type CaseFilters = Partial<Record<FilterKey, string>>;

export const deadlineFilters = { overdue: '已超期', dueSoon: '三个工作日内到期' } as const;

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

export function filtersOf(params: URLSearchParams): CaseFilters {
  const out: CaseFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function pagingOf(params: URLSearchParams): { page: number; pageSize: number } {
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const size = Number(params.get('pageSize'));
  return { page, pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE };
}

/** The URL after changing some filters: empty values removed, back to the first page. */
export function withFilters(params: URLSearchParams, change: CaseFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete('page');
  return next;
}

/** The query of GET /api/cases for the filters and page. */
export function listQuery(filters: CaseFilters, paging: { page: number; pageSize: number }): Record<string, string | number> {
  return { ...filters, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
}
