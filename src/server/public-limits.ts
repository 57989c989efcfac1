/**
 * Limits of the public, unauthenticated endpoints (`/api/public/*`): a per-address rate limit on every one, and on
 * the act-code lookup — whose codes carry a public check character and can be guessed — also a global rate limit
 * and, after repeated misses from one address, a proof of work per lookup (domain/proof-of-work.ts).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { PROOF_CHALLENGE_HEADER, PROOF_NONCE_HEADER, challengeBody, checkSolution, formatChallenge } from '../domain/proof-of-work.ts';

/** Act-code lookups per minute from one address. */
export const ACT_LOOKUP_PER_ADDRESS_PER_MINUTE = 30;
/** Act-code lookups per minute from everyone together (per server process). */
export const ACT_LOOKUP_GLOBAL_PER_MINUTE = 300;
/** Lookups of unknown codes from one address within the window after which every lookup needs a proof of work. */
export const ACT_LOOKUP_MISSES_BEFORE_PROOF = 5;
export const ACT_LOOKUP_MISS_WINDOW_MINUTES = 15;
/** Leading zero bits of SHA-256(challenge + nonce): 2^18 hashes on average, well under a second in a browser. */
export const PROOF_DIFFICULTY_BITS = 18;
export const PROOF_CHALLENGE_TTL_MINUTES = 5;
/** Requests per minute from one address to each public search or listing (officers, decisions, benchmarks …). */
export const PUBLIC_SEARCH_PER_ADDRESS_PER_MINUTE = 120;

export interface PublicLimits {
  actLookupPerAddress: number;
  actLookupGlobal: number;
  missesBeforeProof: number;
  proofDifficulty: number;
  searchPerAddress: number;
}

export const defaultPublicLimits: PublicLimits = {
  actLookupPerAddress: ACT_LOOKUP_PER_ADDRESS_PER_MINUTE,
  actLookupGlobal: ACT_LOOKUP_GLOBAL_PER_MINUTE,
  missesBeforeProof: ACT_LOOKUP_MISSES_BEFORE_PROOF,
  proofDifficulty: PROOF_DIFFICULTY_BITS,
  searchPerAddress: PUBLIC_SEARCH_PER_ADDRESS_PER_MINUTE,
};

const tooFrequent = () => ({ statusCode: 429, code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' });

/** A per-address limit for a route's `config.rateLimit` (@fastify/rate-limit, keyed by the client address). */
export const perAddress = (max: number) => ({ max, timeWindow: '1 minute', errorResponseBuilder: tooFrequent });

/** Answers with personal data (names, certificates, parties) and downloads are not kept by browsers or proxies. */
export async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('cache-control', 'no-store');
}

export interface ActLookupGuard {
  /** A fresh challenge for a client that was asked for a proof of work. */
  challenge(): { challenge: string; difficulty: number };
  /** Before a lookup: the global limit (429), then — after repeated misses from the address — a valid, unused solution (428). */
  admit(request: FastifyRequest): void;
  /** After a lookup that found nothing the public may see. */
  miss(request: FastifyRequest): void;
}

/**
 * The act-code lookup's global limit, miss counter and used-solution set. All three are in memory per server
 * process: with several app servers each counts its own share (the per-address limit of @fastify/rate-limit is
 * per process too). The challenges themselves are stateless (HMAC under a key derived from the session secret), so
 * a challenge issued by one server is accepted by another.
 */
export function actLookupGuard(secret: string, limits: PublicLimits, now: () => number = Date.now): ActLookupGuard {
  const key = createHmac('sha256', secret).update('fazhi act-lookup proof of work').digest();
  const macOf = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  const macMatches = (body: string, mac: string) => {
    const expected = Buffer.from(macOf(body));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  const sha256 = (text: string) => new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
  const ttlMs = PROOF_CHALLENGE_TTL_MINUTES * 60_000;
  const missWindowMs = ACT_LOOKUP_MISS_WINDOW_MINUTES * 60_000;

  let window = { start: 0, count: 0 };
  const misses = new Map<string, number[]>();
  /** Solutions used, by challenge, until their challenge expires. */
  const used = new Map<string, number>();

  const recentMisses = (address: string) => {
    const since = now() - missWindowMs;
    const kept = (misses.get(address) ?? []).filter((t) => t > since);
    if (kept.length > 0) misses.set(address, kept);
    else misses.delete(address);
    return kept;
  };
  const forgetExpired = () => {
    const t = now();
    for (const [challenge, expiresAt] of used) if (expiresAt <= t) used.delete(challenge);
  };
  const header = (request: FastifyRequest, name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : '';
  };

  return {
    challenge() {
      const body = { difficulty: limits.proofDifficulty, expiresAt: now() + ttlMs, salt: randomBytes(16).toString('base64url') };
      return { challenge: formatChallenge({ ...body, mac: macOf(challengeBody(body)) }), difficulty: body.difficulty };
    },
    admit(request) {
      const t = now();
      if (t - window.start >= 60_000) window = { start: t, count: 0 };
      if (window.count >= limits.actLookupGlobal) throw new AppError('RATE_LIMITED', '核验请求过多，请稍后再试');
      window.count++;
      if (recentMisses(request.ip).length < limits.missesBeforeProof) return;
      const challenge = header(request, PROOF_CHALLENGE_HEADER);
      const check = checkSolution({ challenge, nonce: header(request, PROOF_NONCE_HEADER), now: t, minDifficulty: limits.proofDifficulty, macMatches, sha256 });
      if (!check.ok || used.has(challenge)) {
        throw new AppError('PROOF_REQUIRED', '查询未找到的次数较多，需先完成一次验证，请重试', { challenge: '/api/public/acts/challenge' });
      }
      if (used.size > 10_000) forgetExpired();
      used.set(challenge, check.challenge.expiresAt);
    },
    miss(request) {
      // Forget idle addresses now and then, so the map stays as small as the recent misses.
      if (misses.size > 10_000) for (const a of [...misses.keys()]) recentMisses(a);
      misses.set(request.ip, [...recentMisses(request.ip), now()]);
    },
  };
}
