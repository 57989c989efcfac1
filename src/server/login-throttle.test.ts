import { describe, expect, it } from 'vitest';
import { loginKeyUsername, loginThrottle } from './login-throttle.ts';

describe('login throttle', () => {
  it('counts failures per address over a sliding window', () => {
    let now = 0;
    const throttle = loginThrottle(2, 60_000, () => now);
    throttle.fail('a');
    throttle.fail('a');
    expect(() => throttle.check('a')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    expect(() => throttle.check('b')).not.toThrow();
    now = 60_001;
    expect(() => throttle.check('a')).not.toThrow();
  });

  it('keys a username as the login compares it', () => {
    expect(loginKeyUsername(' Chief.Donghu\t')).toBe('chief.donghu');
    expect(loginKeyUsername(undefined)).toBe('');
  });
});
