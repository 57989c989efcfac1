import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeBody, checkSolution, formatChallenge, leadingZeroBits, parseChallenge, solve } from './proof-of-work.ts';

const sha256 = (text: string) => new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
const key = 'test-key';
const macOf = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
const macMatches = (body: string, mac: string) => macOf(body) === mac;
const issue = (difficulty: number, expiresAt: number, salt = 'c2FsdHNhbHRzYWx0') => {
  const body = { difficulty, expiresAt, salt };
  return formatChallenge({ ...body, mac: macOf(challengeBody(body)) });
};

describe('leadingZeroBits', () => {
  it('counts the zero bits before the first one bit', () => {
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x3f]))).toBe(18);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x00]))).toBe(16);
  });
});

describe('challenge format', () => {
  it('reads back what it writes, and refuses anything else', () => {
    const text = issue(18, 1_800_000_000_000);
    expect(parseChallenge(text)).toMatchObject({ difficulty: 18, expiresAt: 1_800_000_000_000, salt: 'c2FsdHNhbHRzYWx0' });
    expect(parseChallenge(`${text}x.y`)).toBeNull();
    expect(parseChallenge('v2.18.1.salt.mac')).toBeNull();
  });
});

describe('checkSolution: a lookup after repeated misses costs work, once per challenge', () => {
  const now = 1_800_000_000_000;
  it('accepts a nonce whose hash has the leading zero bits asked for', async () => {
    const challenge = issue(10, now + 60_000);
    const nonce = (await solve(challenge, 10, sha256))!;
    expect(checkSolution({ challenge, nonce, now, minDifficulty: 10, macMatches, sha256 })).toMatchObject({ ok: true });
  });

  it('refuses a wrong nonce, a forged, an expired or a too easy challenge', async () => {
    const challenge = issue(10, now + 60_000);
    const nonce = (await solve(challenge, 10, sha256))!;
    let wrong = Number(nonce) + 1;
    while (leadingZeroBits(sha256(challenge + String(wrong))) >= 10) wrong++;
    expect(checkSolution({ challenge, nonce: String(wrong), now, minDifficulty: 10, macMatches, sha256 })).toEqual({ ok: false, reason: 'wrong' });
    const forged = challenge.replace('.10.', '.1.');
    expect(checkSolution({ challenge: forged, nonce, now, minDifficulty: 1, macMatches, sha256 })).toEqual({ ok: false, reason: 'forged' });
    expect(checkSolution({ challenge, nonce, now: now + 60_000, minDifficulty: 10, macMatches, sha256 })).toEqual({ ok: false, reason: 'expired' });
    expect(checkSolution({ challenge, nonce, now, minDifficulty: 12, macMatches, sha256 })).toEqual({ ok: false, reason: 'tooEasy' });
    expect(checkSolution({ challenge, nonce: 'abc', now, minDifficulty: 10, macMatches, sha256 })).toEqual({ ok: false, reason: 'malformed' });
  });
});
