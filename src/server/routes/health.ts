import { sql } from 'drizzle-orm';
import { health } from '../../domain/admin/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ZodApp } from '../zod-app.ts';

export function healthRoutes(app: ZodApp, ctx: ServiceContext, databaseKind: 'pglite' | 'postgres'): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: { 200: health },
      },
    },
    async () => {
      await ctx.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: databaseKind, time: ctx.clock().toISOString() };
    },
  );
}
