/**
 * 行政执法数据 (issue #19 item 4; docs/REPORTS.md): a unit's annual enforcement statistics for the staff (who reads the
 * indicator table reads these), and — once the year is over — for everyone on the portal (国办发〔2018〕118号), as JSON
 * and as the XLSX statistical table.
 */
import { z } from 'zod';
import { idParam } from '../../domain/ids.ts';
import { enforcementStatisticsView, publicStatisticsQuery, statisticsYearQuery } from '../../domain/reports/enforcement-statistics.ts';
import type { ServiceContext } from '../../services/context.ts';
import { enforcementStatistics, publicEnforcementStatistics } from '../../services/reports/enforcement-statistics.ts';
import { enforcementStatisticsXlsx, statisticsFileName, XLSX_MEDIA_TYPE } from '../../services/reports/enforcement-statistics-xlsx.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';
import { type PublicLimits, perAddress } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['行政执法数据'];
const publicTags = ['公开（无需登录）'];
const orgParams = z.object({ id: idParam('单位编号') });

export function enforcementStatisticsRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/organizations/:id/enforcement-statistics',
    {
      schema: {
        tags,
        summary: '单位（含下级单位）某年度的行政执法数据：行政处罚（按种类、金额、程序）、行政检查、行政强制、行政许可（无台账的显示“本系统无记录”），含分月数据',
        params: orgParams,
        querystring: statisticsYearQuery,
        response: { 200: enforcementStatisticsView },
      },
    },
    async (request) => enforcementStatistics(ctx, requireActor(request), request.params.id, request.query.year),
  );
  app.get(
    '/organizations/:id/enforcement-statistics.xlsx',
    { schema: { tags, summary: '下载行政执法数据统计表（XLSX：统计表、分月统计、说明）', params: orgParams, querystring: statisticsYearQuery } },
    async (request, reply) => {
      const stats = await enforcementStatistics(ctx, requireActor(request), request.params.id, request.query.year);
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', attachment(statisticsFileName(stats)))
        .header('cache-control', 'no-store')
        .send(await enforcementStatisticsXlsx(stats));
    },
  );
}

/** The portal's 行政执法数据公示: closed years only; limited per address like the portal's other lists. */
export function publicEnforcementStatisticsRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits): void {
  app.get(
    '/public/enforcement-statistics',
    {
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: {
        tags: publicTags,
        summary: '行政执法数据公示：执法主体上一年度及以前年度的行政执法数据（当年数据在年度结束后公开）',
        querystring: publicStatisticsQuery,
        response: { 200: enforcementStatisticsView },
      },
    },
    async (request) => publicEnforcementStatistics(ctx, request.query.org, request.query.year),
  );
  app.get(
    '/public/enforcement-statistics.xlsx',
    { config: { rateLimit: perAddress(limits.searchPerAddress) }, schema: { tags: publicTags, summary: '下载公开的行政执法数据统计表（XLSX）', querystring: publicStatisticsQuery } },
    async (request, reply) => {
      const stats = await publicEnforcementStatistics(ctx, request.query.org, request.query.year);
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', attachment(statisticsFileName(stats)))
        .send(await enforcementStatisticsXlsx(stats));
    },
  );
}
