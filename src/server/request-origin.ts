/**
 * Cross-site request forgery: a state-changing request (POST, PUT, PATCH, DELETE — every one of them is an /api
 * route) that a browser sent from another site's page is refused, whatever its content type — SameSite=Lax and the
 * JSON content type alone left a multipart form post (an import) from any site through. The request's source is its `Origin` header, else the
 * origin of its `Referer`; it must be the server's own origin (the Host header with the scheme the browser used) or
 * one of the configured allowed origins (FAZHI_ALLOWED_ORIGINS, for a deployment behind a proxy that rewrites Host).
 *
 * A request with neither header is let through, as a non-browser client (the CLI, scripts, the tests' app.inject):
 * every browser in use sends `Origin` on every cross-origin POST/PUT/PATCH/DELETE — fetch, XHR and form posts alike —
 * and a page cannot remove it (a `no-referrer` policy turns it into `Origin: null`, which is refused), so a forged
 * browser request always carries a source to check. The check does not depend on the session cookie: the login
 * itself is refused from another site too (login CSRF would sign the victim into the attacker's account).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';

export const FOREIGN_ORIGIN_MESSAGE = '请求来源不被允许';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface OriginCheckOptions {
  /** Origins besides the server's own, as `scheme://host[:port]` (already normalized by the config). */
  allowedOrigins?: readonly string[];
  /**
   * Cookies are Secure: browsers reach the server over HTTPS, perhaps through a proxy terminating TLS, so the
   * server's own origin is `https://` + Host even when the connection it sees is plain HTTP.
   */
  secureCookies?: boolean;
}

/** `scheme://host[:port]` of a URL, lower-cased as browsers serialize it; null when it is not an http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Where the request says it comes from: `Origin`, else the origin of `Referer`; undefined when it names neither. */
function requestSource(request: FastifyRequest): string | null | undefined {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin === 'null' ? null : originOf(origin);
  const referer = request.headers.referer;
  if (typeof referer === 'string' && referer !== '') return originOf(referer);
  return undefined;
}

/** Registers one onRequest hook, before the body is read and before any session is looked up. */
export function installOriginCheck(app: FastifyInstance, options: OriginCheckOptions = {}): void {
  const allowed = new Set(options.allowedOrigins ?? []);
  app.addHook('onRequest', async (request) => {
    // Every write, not only those whose URL reads /api/ (a percent-encoded or unknown path is refused as well).
    if (!STATE_CHANGING.has(request.method)) return;
    const source = requestSource(request);
    if (source === undefined) return;
    const scheme = options.secureCookies ? 'https' : request.protocol;
    const own = originOf(`${scheme}://${request.host}`);
    if (source !== null && (source === own || allowed.has(source))) return;
    throw new AppError('FORBIDDEN', FOREIGN_ORIGIN_MESSAGE);
  });
}
