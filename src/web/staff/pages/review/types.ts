/** GET /api/legal-reviews/queue: the shapes the server sends (src/domain/cases/oversight-views.ts). */
export type { ReviewQueueItem, ReviewQueuePage, ReviewQueueStatus } from '../../../../domain/cases/oversight-views.ts';
