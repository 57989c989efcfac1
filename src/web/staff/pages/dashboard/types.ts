/** GET /api/stats/cases: the shapes the server sends (src/domain/cases/oversight-views.ts). */
export type { CaseStatistics, DeadlineEntry, UnitFigures as Unit } from '../../../../domain/cases/oversight-views.ts';
