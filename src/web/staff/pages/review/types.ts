/** GET /api/legal-reviews/queue: the shapes the server sends (src/domain/cases/oversight-views.ts). */
export type { ReviewQueueItem, ReviewQueueStatus } from '../../../../domain/cases/oversight-views.ts';
