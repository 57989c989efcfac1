/**
 * Failed logins per client address, across usernames: one address trying a common password on many accounts
 * (password spraying) is stopped even though each account sees only a few attempts. In memory, per process, over a
 * sliding window; the per-username limit of the login route (@fastify/rate-limit) still applies on top.
 */
import { AppError } from '../domain/errors.ts';

export interface LoginThrottle {
  /** Throws RATE_LIMITED when `address` has `limit` failures in the window. */
  check(address: string): void;
  /** Records one failed login from `address`. */
  fail(address: string): void;
}

export const LOGIN_ADDRESS_WINDOW_MINUTES = 15;

export function loginThrottle(limit: number, windowMs = LOGIN_ADDRESS_WINDOW_MINUTES * 60_000, now: () => number = Date.now): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (address: string) => {
    const since = now() - windowMs;
    const kept = (failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length > 0) failures.set(address, kept);
    else failures.delete(address);
    return kept;
  };
  return {
    check(address) {
      if (recent(address).length >= limit) {
        throw new AppError('RATE_LIMITED', `该地址登录失败次数过多，请${LOGIN_ADDRESS_WINDOW_MINUTES}分钟后再试`);
      }
    },
    fail(address) {
      // Forget idle addresses now and then, so the map stays as small as the recent failures.
      if (failures.size > 10_000) for (const a of [...failures.keys()]) recent(a);
      failures.set(address, [...recent(address), now()]);
    },
  };
}

/** The username as the login compares it (trimmed), lower-cased so that case variants share one counter. */
export const loginKeyUsername = (username: unknown) => (typeof username === 'string' ? username.trim().toLowerCase() : '');
