/**
 * One error type for the whole system. `code` is stable (clients and tests rely on it), `message` is
 * Chinese text a clerk understands, `details` carries structured data (e.g. which field, which article).
 * HTTP status is derived from the code in one place (server/errors.ts).
 */
export const errorCodes = {
  VALIDATION: '输入不符合要求',
  UNAUTHENTICATED: '未登录或登录已过期',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '未找到',
  CONFLICT: '数据已被他人修改',
  RULE_VIOLATION: '不符合法律规定',
  RATE_LIMITED: '请求过于频繁',
  /** A proof of work is asked before the request is answered (the public act-code lookup after repeated misses). */
  PROOF_REQUIRED: '请先完成验证',
  LOCKED: '资源被占用',
  TOO_LARGE: '上传内容过大',
  BUSY: '系统繁忙，请稍后重试',
  INTERNAL: '系统内部错误',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCodes[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const validationError = (message: string, details?: Record<string, unknown>) =>
  new AppError('VALIDATION', message, details);
export const notFound = (what: string, details?: Record<string, unknown>) => new AppError('NOT_FOUND', `未找到${what}`, details);
export const forbidden = (message: string = errorCodes.FORBIDDEN, details?: Record<string, unknown>) =>
  new AppError('FORBIDDEN', message, details);
export const conflict = (message = '数据已被他人修改，请刷新后重试', details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);
/** A legal rule blocks the step; `article` names the provision, e.g. '《行政处罚法》第三十六条'. */
export const ruleViolation = (message: string, article: string, details?: Record<string, unknown>) =>
  new AppError('RULE_VIOLATION', message, { article, ...details });
