import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorCodes } from '../domain/errors.ts';
import { REPORT_UPLOAD_LIMITS } from './zod-app.ts';

/** The one mapping from error codes to HTTP statuses. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  PROOF_REQUIRED: 428,
  TOO_LARGE: 413,
  INTERNAL: 500,
  BUSY: 503,
};

/** Every error leaves the server as `{ code, message, details? }`, with the request id in a header. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toErrorBody(error);
    const status = httpStatus[body.code];
    if (isDataException(error)) request.log.warn({ err: error }, 'database refused the input (data exception)');
    else if (isTransactionRollback(error)) request.log.warn({ err: error }, 'transaction rolled back by the database (concurrent transaction)');
    else if (isConnectionLost(error)) request.log.error({ err: error }, 'database connection lost');
    else if (body.code === 'BUSY') request.log.warn({ message: body.message }, 'refused: busy');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, message: body.message }, 'request refused');
    if (body.code === 'BUSY' && typeof body.details?.retryAfterSeconds === 'number') void reply.header('retry-after', String(body.details.retryAfterSeconds));
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
  });
}

export function toErrorBody(error: unknown): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({ field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? '' }));
    return {
      code: 'VALIDATION',
      message: `输入不符合要求：${fields.map((f) => (f.field ? `${f.field}：${f.message}` : f.message)).join('；')}`,
      details: { fields },
    };
  }
  if (isDataException(error)) return { code: 'VALIDATION', message: DATA_EXCEPTION_MESSAGE };
  if (isTransactionRollback(error)) return { code: 'CONFLICT', message: TRANSACTION_ROLLBACK_MESSAGE };
  if (isConnectionLost(error)) return { code: 'BUSY', message: CONNECTION_LOST_MESSAGE };
  const fe = error as Partial<FastifyError>;
  if (fe.statusCode === 429) return { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { code: 'VALIDATION', message: '请求内容过大' };
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE') return { code: 'TOO_LARGE', message: `上传的文件超过 ${REPORT_UPLOAD_LIMITS.fileSize / 1024 / 1024} MB` };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { code: 'VALIDATION', message: '不支持的请求内容类型' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { code: 'VALIDATION', message: `请求无效：${fe.message ?? ''}` };
  }
  return { code: 'INTERNAL', message: errorCodes.INTERNAL };
}

export const DATA_EXCEPTION_MESSAGE = '输入不符合要求：含有无效字符、超出范围的数值或不存在的日期';

/** The error and the errors it wraps (drizzle's DrizzleQueryError keeps the driver's as `cause`), outermost first. */
function* causesOf(error: unknown): Generator<{ message?: unknown; code?: unknown }> {
  let at: unknown = error;
  for (let depth = 0; at !== null && typeof at === 'object' && depth < 5; depth++) {
    yield at as { message?: unknown; code?: unknown };
    at = (at as { cause?: unknown }).cause;
  }
}

/** The SQLSTATE of a database error, looking through wrappers. */
export function sqlState(error: unknown): string | undefined {
  for (const { code } of causesOf(error)) if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return undefined;
}

/**
 * SQLSTATE class 22, data exception: a value the database cannot hold (a NUL in text, an integer out of range, a
 * date that does not exist). The edges should refuse such input first (input-guard.ts, domain/ids.ts, isIsoDate); one
 * that still reaches the database is the client's malformed input, answered 400, and logged as a warning so the gap
 * is found and closed.
 */
export function isDataException(error: unknown): boolean {
  return sqlState(error)?.startsWith('22') ?? false;
}

export const TRANSACTION_ROLLBACK_MESSAGE = '与他人的操作同时提交，本次未保存任何内容，请重试';

/**
 * SQLSTATE class 40, transaction rollback: PostgreSQL undid the whole transaction because another one ran at the same
 * moment (40P01 a deadlock — e.g. a step committing a case while the legal calendar's entry recounts that case's
 * deadlines, docs/ARCHITECTURE.md; 40001 a serialization failure). Nothing was saved and the same request may be
 * sent again: a 409 CONFLICT saying so, not a 500.
 */
export function isTransactionRollback(error: unknown): boolean {
  return sqlState(error)?.startsWith('40') ?? false;
}

export const CONNECTION_LOST_MESSAGE = '与数据库的连接中断，本次操作可能未完成，请刷新查看后再试';

/** node-postgres' and the socket's own words for a connection that went away. */
const lostConnection = /^(Connection terminated|Client has encountered a connection error|Client was closed)|\b(ECONNRESET|ECONNREFUSED|EPIPE)\b/;

/**
 * The database's connection went away under the request: SQLSTATE class 08 (connection exception), 57P01–57P03 (the
 * server shutting down, crashed, or starting), or node-postgres' "Connection terminated…" and the socket's errors.
 * The app server keeps serving (src/db/postgres.ts) and the pool opens new connections; the request answers 503.
 * Whether its write was saved is not known (the COMMIT may have reached the server before the connection went), so
 * the answer says to look before sending it again.
 */
export function isConnectionLost(error: unknown): boolean {
  const state = sqlState(error);
  if (state?.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03') return true;
  for (const { message, code } of causesOf(error)) {
    if ((typeof message === 'string' && lostConnection.test(message)) || (typeof code === 'string' && lostConnection.test(code))) return true;
  }
  return false;
}
