import { z } from 'zod';
import { type PeriodId, penaltyPeriods, periodDeadline } from '../../domain/calendar/periods.ts';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { calendarDays, calendarOverride, calendarOverrides, calendarRangeAnswer, deadlineAnswer } from '../../domain/admin/views.ts';
import { validationError } from '../../domain/errors.ts';
import {
  calendarDayInput,
  calendarRangeInput,
  describeDays,
  listCalendarOverrides,
  loadWorkCalendar,
  removeCalendarDay,
  setCalendarDay,
  setCalendarRange,
  setYearComplete,
} from '../../services/calendar.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';

const tags = ['法定日历'];
const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期');
const year = z.coerce.number({ message: '年份应为数字' }).int('年份应为整数').min(1900, '年份应在 1900–2999 之间').max(2999, '年份应在 1900–2999 之间');

export function calendarRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/calendar/days',
    { schema: { tags, summary: '日期区间内每天是否为工作日（含来源）', querystring: z.object({ from: isoDate, to: isoDate }), response: { 200: calendarDays } } },
    async (request) => {
      requireActor(request);
      return describeDays(ctx, request.query.from, request.query.to);
    },
  );
  app.get(
    '/calendar/deadline',
    {
      schema: {
        tags,
        summary: '计算期限届满日（《行政处罚法》第八十五条：二日、三日、五日、七日为工作日）',
        querystring: z.object({
          from: isoDate,
          period: z.enum(Object.keys(penaltyPeriods) as [PeriodId]).optional(),
          days: z.coerce.number().int().min(0).max(3650).optional(),
          kind: z.enum(['working', 'calendar']).optional(),
        }),
        response: { 200: deadlineAnswer },
      },
    },
    async (request) => {
      requireActor(request);
      const { from, period, days, kind } = request.query;
      const spec = period ? penaltyPeriods[period] : days !== undefined && kind ? { days, kind } : null;
      if (!spec) throw validationError('请给出 period（法定期间名称），或同时给出 days 和 kind');
      const calendar = await loadWorkCalendar(ctx.db);
      const deadline = periodDeadline(calendar, from, spec);
      return { from, days: spec.days, kind: spec.kind, deadline, uncoveredYears: calendar.uncoveredYearsBetween(from, deadline) };
    },
  );
  app.get(
    '/calendar/overrides',
    { schema: { tags, summary: '管理员录入的节假日与调休', querystring: z.object({ year: year.optional() }), response: { 200: calendarOverrides } } },
    async (request) => {
      requireActor(request);
      return listCalendarOverrides(ctx, request.query.year);
    },
  );
  app.put(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '录入或修改某日（管理员）', params: z.object({ date: isoDate }), body: calendarDayInput.omit({ date: true }), response: { 200: calendarOverride } } },
    async (request) => setCalendarDay(ctx, requireActor(request), { ...request.body, date: request.params.date }),
  );
  app.post(
    '/calendar/ranges',
    {
      schema: {
        tags,
        summary: '按区间录入放假或调休上班（管理员；起止日期含当日，一个名称，一次最多 31 天；逐日记入审计，未届满期限重新计算）',
        body: calendarRangeInput,
        response: { 200: calendarRangeAnswer },
      },
    },
    async (request) => setCalendarRange(ctx, requireActor(request), request.body),
  );
  app.delete(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '删除某日的设置（管理员）', params: z.object({ date: isoDate }), response: { 204: z.null().describe('已删除') } } },
    async (request, reply) => {
      await removeCalendarDay(ctx, requireActor(request), request.params.date);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '标记某年的放假安排已完整录入（管理员）',
        params: z.object({ year }),
        body: z.object({ complete: z.boolean() }),
        response: { 200: z.object({ recounted: z.number().int().describe('因此重新计算的未届满期限数') }) },
      },
    },
    async (request) => setYearComplete(ctx, requireActor(request), request.params.year, request.body.complete),
  );
}
