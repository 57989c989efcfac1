import '../domain/zod-locale.ts';
import type { z } from 'zod';
import { validationError } from '../domain/errors.ts';

/** Validates input with a zod schema; failures become one VALIDATION error listing every field in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  throw validationError(fields.map((f) => (f.field ? `${f.field}：${f.message}` : f.message)).join('；'), { fields });
}

/** A PATCH that names no field changes nothing: refused, so no empty update reaches the database. */
export function assertSomethingToChange(patch: Record<string, unknown>): void {
  if (Object.values(patch).every((v) => v === undefined)) throw validationError('没有要修改的内容');
}
