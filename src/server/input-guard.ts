import type { FastifyInstance } from 'fastify';
import { validationError } from '../domain/errors.ts';

/**
 * Text PostgreSQL cannot store, refused at the edge for every route: a NUL character (PostgreSQL text has none,
 * SQLSTATE 22021 / 22P05) and a lone UTF-16 surrogate (not a character; it cannot be encoded as UTF-8). Checked in
 * the JSON body, the query string, the path parameters and (readSingleFileUpload) multipart text fields, keys
 * included, before any schema or service sees them.
 */
export const INVALID_TEXT_MESSAGE = '输入中含有不允许的控制字符或无效字符';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isInvalidText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The path (`a.b.0`) of the first string in `value` that is invalid text, or null. */
export function findInvalidText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isInvalidText(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isInvalidText(key)) return at;
    const found = findInvalidText(item, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function assertValidText(value: unknown, where: string): void {
  const field = findInvalidText(value);
  if (field !== null) throw validationError(INVALID_TEXT_MESSAGE, { field: field || where, in: where });
}

/** Registers the check on every route (before validation, after the body is parsed). */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertValidText(request.params, 'params');
    assertValidText(request.query, 'query');
    assertValidText(request.body, 'body');
  });
}
