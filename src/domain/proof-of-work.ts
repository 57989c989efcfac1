/**
 * A small proof of work for the public act-code lookup: after repeated misses from one address, each further
 * lookup must carry a fresh challenge from the server and a nonce such that SHA-256(challenge + nonce) starts with
 * `difficulty` zero bits. Guessing codes then costs the guesser CPU time per guess, a reader scanning one QR code
 * nothing (the challenge is needed only after misses, and is solved in well under a second in a browser).
 *
 * The challenge is stateless — `v1.<difficulty>.<expiresAtMs>.<salt>.<mac>`, the mac an HMAC of the part before it
 * under a server secret — so any app server sharing the secret can check it. Pure: the hash and the HMAC are passed
 * in (node:crypto on the server, WebCrypto in the browser).
 */

/** Request headers that carry a solution. */
export const PROOF_CHALLENGE_HEADER = 'x-proof-challenge';
export const PROOF_NONCE_HEADER = 'x-proof-nonce';

export interface Challenge {
  difficulty: number;
  /** Milliseconds since the epoch after which the challenge is refused. */
  expiresAt: number;
  /** Random, base64url. */
  salt: string;
  /** HMAC of `challengeBody(...)`, base64url. */
  mac: string;
}

/** The signed part of a challenge. */
export const challengeBody = (c: Omit<Challenge, 'mac'>) => `v1.${c.difficulty}.${c.expiresAt}.${c.salt}`;

export const formatChallenge = (c: Challenge) => `${challengeBody(c)}.${c.mac}`;

export function parseChallenge(text: string): Challenge | null {
  const m = /^v1\.(\d{1,2})\.(\d{1,15})\.([\w-]{8,64})\.([\w-]{16,128})$/.exec(text);
  if (!m) return null;
  return { difficulty: Number(m[1]), expiresAt: Number(m[2]), salt: m[3]!, mac: m[4]! };
}

/** A nonce is a short decimal number (what `solve` produces). */
export const isNonce = (nonce: string) => /^\d{1,16}$/.test(nonce);

/** The number of leading zero bits of a digest. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type SolutionCheck = { ok: true; challenge: Challenge } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'tooEasy' | 'wrong' };

/**
 * Checks a solution: well formed, signed by us (`macOf` of its body equals its mac — the caller compares in constant
 * time), not expired at `now`, at least `minDifficulty` bits asked, and SHA-256(challenge + nonce) has them.
 * Whether it was used before is the caller's business (a solution is good once).
 */
export function checkSolution(input: {
  challenge: string;
  nonce: string;
  now: number;
  minDifficulty: number;
  macMatches: (body: string, mac: string) => boolean;
  sha256: (text: string) => Uint8Array;
}): SolutionCheck {
  const c = parseChallenge(input.challenge);
  if (!c || !isNonce(input.nonce)) return { ok: false, reason: 'malformed' };
  if (!input.macMatches(challengeBody(c), c.mac)) return { ok: false, reason: 'forged' };
  if (c.expiresAt <= input.now) return { ok: false, reason: 'expired' };
  if (c.difficulty < input.minDifficulty) return { ok: false, reason: 'tooEasy' };
  if (leadingZeroBits(input.sha256(input.challenge + input.nonce)) < c.difficulty) return { ok: false, reason: 'wrong' };
  return { ok: true, challenge: c };
}

/**
 * Finds a nonce for `challenge`: tries `batch` nonces at a time (WebCrypto's digest is asynchronous, so a batch is
 * hashed in parallel). Gives up (null) after `maxTries`, or when `signal` aborts.
 */
export async function solve(
  challenge: string,
  difficulty: number,
  sha256: (text: string) => Uint8Array | Promise<Uint8Array>,
  options: { batch?: number; maxTries?: number; signal?: AbortSignal } = {},
): Promise<string | null> {
  const batch = options.batch ?? 512;
  const maxTries = options.maxTries ?? 2 ** (difficulty + 6);
  for (let start = 0; start < maxTries; start += batch) {
    if (options.signal?.aborted) return null;
    const nonces = Array.from({ length: batch }, (_, i) => String(start + i));
    const digests = await Promise.all(nonces.map((n) => sha256(challenge + n)));
    const found = digests.findIndex((d) => leadingZeroBits(d) >= difficulty);
    if (found >= 0) return nonces[found]!;
  }
  return null;
}
