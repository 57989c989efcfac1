/**
 * What app.ts and the route files share: the Fastify instance type with the zod type provider, and the upload
 * limits the multipart plugin is registered with. It lives apart from app.ts so that routes never import the
 * module that imports them (`npm run cycles`).
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * The multipart plugin's limits for every upload (the import files; report analysis has its own, tighter per request:
 * server/report-uploads.ts).
 */
export const REPORT_UPLOAD_LIMITS = { files: 60, fileSize: 20 * 1024 * 1024 };
