/**
 * Building blocks of every module's input schemas (the HTTP bodies and the step inputs), so a missing or malformed
 * field is named the same way everywhere: 请填写检查情况, 检查情况至少 2 个字, 整改期限格式应为 YYYY-MM-DD 且为真实日期.
 * `meta.title` is the Chinese label generated forms and OpenAPI show.
 */
import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date.ts';
import { MAX_ID } from './ids.ts';

/** The message of an absent or mistyped field. */
export const missing = (label: string) => (issue: { input: unknown }) => (issue.input === undefined ? `请填写${label}` : `${label}格式无效`);

/** A required text, trimmed, between `min` and `max` characters. */
export const textInput = (label: string, max = 2000, min = 2) =>
  z
    .string({ error: missing(label) })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${String(min)} 个字`)
    .max(max, `${label}不超过 ${String(max)} 个字`)
    .meta({ title: label });

/** A calendar date (`format: 'date'` makes generated forms show a date picker). */
export const dateInput = (label: string) =>
  z.string({ error: missing(label) }).refine(isIsoDate, `${label}格式应为 YYYY-MM-DD 且为真实日期`).meta({ title: label, format: 'date' });

/** A list's page size, from a query string (issue 16 item 7: no list unbounded). */
export const pageLimitInput = (max = 100, byDefault = 20) =>
  z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少 1 条').max(max, `每页最多 ${String(max)} 条`).default(byDefault);

/** The rows a page skips, from a query string: bounded, since a deeper page reads that many rows first (issue 16 item 7). */
export const pageOffsetInput = (max = 100_000) =>
  z.coerce.number({ error: '起始位置应为数字' }).int('起始位置应为整数').min(0, '起始位置不能为负').max(max, `起始位置不超过 ${String(max)}`).default(0);

/** The version of a subject the client saw (optimistic concurrency): a step on a changed subject is refused (409). */
export const expectedVersionInput = (noun: string) => z.number().int().positive(`须提供${noun}版本号 expectedVersion`).max(MAX_ID, `${noun}版本号超出范围`);
