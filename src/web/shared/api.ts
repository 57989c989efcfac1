/**
 * The one way the web app talks to the server: fetch with the session cookie, JSON in and out, and the server's
 * `{ code, message, details? }` errors turned into `ApiError` (message already in Chinese, shown as is).
 */

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'RATE_LIMITED'
  | 'PROOF_REQUIRED'
  | 'LOCKED'
  | 'TOO_LARGE'
  | 'BUSY'
  | 'INTERNAL'
  | 'NETWORK';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /**
   * Field-level problems for a form: zod validation errors carry `details.fields`, service errors name one
   * field in `details.field` (e.g. a taken username).
   */
  fieldProblems(): FieldProblem[] {
    const d = this.details;
    if (!d) return [];
    if (Array.isArray(d.fields)) {
      return (d.fields as unknown[]).filter(isFieldProblem).filter((f) => f.field !== '');
    }
    if (typeof d.field === 'string') return [{ field: d.field, message: this.message }];
    return [];
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && typeof (value as FieldProblem).field === 'string' && typeof (value as FieldProblem).message === 'string';
}

/** Turns anything thrown into a message a person can read (always Chinese). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}

const knownCodes = new Set<string>(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION', 'RATE_LIMITED', 'PROOF_REQUIRED', 'LOCKED', 'INTERNAL']);

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. the proof of work of the public act-code lookup). */
  headers?: Record<string, string>;
  /** Sees the response before its body is read (e.g. the case list's `x-total-count` header). */
  onResponse?: (response: Response) => void;
}

/** Listeners told when any request answers 401, so the app can return to the login page. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The server's `{ code, message, details? }` answer of a failed request (parsed JSON, or undefined) as an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const e = (body ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const code = typeof e.code === 'string' && knownCodes.has(e.code) ? (e.code as ErrorCode) : status >= 500 ? 'INTERNAL' : 'VALIDATION';
  const message = typeof e.message === 'string' && e.message ? e.message : `服务器返回错误（${status}）`;
  return new ApiError(code, message, status, typeof e.details === 'object' && e.details !== null ? (e.details as Record<string, unknown>) : undefined);
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.signal) init.signal = options.signal;
  if (options.headers) init.headers = { ...init.headers, ...options.headers };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', '无法连接服务器，请检查网络后重试', 0);
  }
  options.onResponse?.(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/auth/login')) unauthenticatedListeners.forEach((l) => l());
    throw toApiError(response.status, body);
  }
  if (body === undefined && text) throw new ApiError('INTERNAL', '服务器返回了无法识别的内容', response.status);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
