import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../services/testing/factories.ts';
import { DEMO_PASSWORD } from './index.ts';

describe('demo organizations', () => {
  it('factory users share the demo password, so createTestApp().login(username) works for both', () => {
    expect(TEST_PASSWORD).toBe(DEMO_PASSWORD);
  });
});
