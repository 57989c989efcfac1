import { z } from 'zod';
import { type Actor, roles } from '../../domain/access.ts';
import { me } from '../../domain/admin/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { login, logout } from '../../services/sessions.ts';
import type { ZodApp } from '../zod-app.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../auth.ts';
import { AppError } from '../../domain/errors.ts';
import { loginKeyUsername, loginThrottle } from '../login-throttle.ts';

export function authRoutes(
  app: ZodApp,
  ctx: ServiceContext,
  options: { secureCookies: boolean; loginRateLimit: number; loginAddressLimit: number },
): void {
  const addressThrottle = loginThrottle(options.loginAddressLimit);
  app.post(
    '/auth/login',
    {
      config: {
        anonymous: true,
        // Per address and username, so one guessed account is slowed without locking out a whole office NAT; the
        // username as the login compares it, so ' chief.donghu' or 'Chief.Donghu' do not start a counter of their own.
        rateLimit: {
          max: options.loginRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req) => `${req.ip}|${loginKeyUsername((req.body as { username?: unknown } | undefined)?.username)}`,
          errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: '登录尝试过于频繁，请一分钟后再试' }),
        },
      },
      schema: {
        tags: ['登录'],
        summary: '登录（设置 httpOnly 会话 Cookie）',
        body: z.object({ username: z.string().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(128) }),
        response: { 200: me },
      },
    },
    async (request, reply) => {
      addressThrottle.check(request.ip);
      const { token, actor, expiresAt } = await login(ctx, request.body.username, request.body.password).catch((e: unknown) => {
        if (e instanceof AppError && (e.code === 'UNAUTHENTICATED' || e.code === 'LOCKED')) addressThrottle.fail(request.ip);
        throw e;
      });
      setSessionCookie(reply, token, expiresAt, options.secureCookies);
      return present(actor);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['登录'], summary: '退出登录', response: { 204: z.null().describe('已退出') } } }, async (request, reply) => {
    const actor = requireActor(request);
    await logout(ctx, actor, request.sessionToken!);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['登录'], summary: '当前用户', response: { 200: me } } }, async (request) => present(requireActor(request)));
}

const present = (actor: Actor) => ({ ...actor, roleNames: actor.roles.map((r) => roles[r]) });
