import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { pageLimitInput, pageOffsetInput } from './input-kit.ts';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe('paging inputs (issue 16 item 7: no list unbounded)', () => {
  it('takes a page size from a query string within its bound, with its default', () => {
    expect(pageLimitInput().parse(undefined)).toBe(20);
    expect(pageLimitInput().parse('100')).toBe(100);
    expect(messageOf(pageLimitInput(), '101')).toBe('每页最多 100 条');
    expect(messageOf(pageLimitInput(), '0')).toBe('每页至少 1 条');
    expect(messageOf(pageLimitInput(), '2.5')).toBe('每页条数应为整数');
    expect(messageOf(pageLimitInput(), 'abc')).toBe('每页条数应为数字');
    expect(pageLimitInput(500, 100).parse(undefined)).toBe(100);
    expect(messageOf(pageLimitInput(500, 100), '501')).toBe('每页最多 500 条');
  });

  it('bounds the rows a page skips, so no request reads an unbounded number of rows first', () => {
    expect(pageOffsetInput().parse(undefined)).toBe(0);
    expect(pageOffsetInput().parse('100000')).toBe(100_000);
    expect(messageOf(pageOffsetInput(), '100001')).toBe('起始位置不超过 100000');
    expect(messageOf(pageOffsetInput(), '-1')).toBe('起始位置不能为负');
    expect(messageOf(pageOffsetInput(), 'x')).toBe('起始位置应为数字');
    expect(messageOf(pageOffsetInput(1_000_000), '1000001')).toBe('起始位置不超过 1000000');
  });
});
