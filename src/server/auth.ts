import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveSession } from '../services/sessions.ts';

export const SESSION_COOKIE = 'fazhi_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** A write anyone may send without a session (the login); every other /api write requires one. */
    anonymous?: boolean;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the signed session cookie on every request; routes call `requireActor` to insist on a login. A write to an
 * /api route without a session is refused with 401 already here, before its body is parsed or validated: an
 * anonymous caller learns nothing about a route's input rules, and an upload is not read at all. (Reads still
 * answer 401 from `requireActor` in the route.)
 */
export function installAuth(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    request.actor = await resolveSession(ctx, unsigned.value);
    request.sessionToken = request.actor ? unsigned.value : null;
  });
  app.addHook('onRequest', async (request) => {
    if (request.actor || !WRITES.has(request.method)) return;
    // The matched route, not the raw URL (which may be percent-encoded); an unknown path stays a 404, and a route
    // marked `anonymous` (the login) needs no session.
    if (!request.routeOptions.url?.startsWith('/api/') || request.routeOptions.config.anonymous) return;
    throw new AppError('UNAUTHENTICATED', '请先登录');
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', signed: true, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
