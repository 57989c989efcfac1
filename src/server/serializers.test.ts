import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { timestamp } from '../domain/view-kit.ts';
import { compiledSerializer, responseSerializerCompiler } from './serializers.ts';

const view = z.object({
  id: z.number(),
  endedOn: z.string().nullable(),
  at: timestamp,
  record: z.custom<Record<string, unknown>>().meta({ type: 'object' }),
  party: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  items: z.array(z.object({ kind: z.enum(['a', 'b']), note: z.string().optional() })),
});

const value = {
  id: 7,
  endedOn: null,
  at: new Date('2026-03-02T01:00:00Z'),
  record: { decision: { penalty: { kinds: ['fine'], fineFen: 20000 } }, payments: [] },
  party: { name: '张伟', phone: null, idNumber: '不应输出' },
  items: [{ kind: 'a' }, { kind: 'b', note: '说明', extra: 1 }],
  notInSchema: true,
};

describe('compiled response serializers', () => {
  it('write what the zod serializer writes: unknown keys dropped, nulls, dates as ISO text, a custom record whole', () => {
    const compiled = compiledSerializer(view)!;
    expect(compiled).not.toBeNull();
    expect(JSON.parse(compiled(value))).toEqual({
      id: 7,
      endedOn: null,
      at: '2026-03-02T01:00:00.000Z',
      record: value.record,
      party: { name: '张伟', phone: null },
      items: [{ kind: 'a' }, { kind: 'b', note: '说明' }],
    });
  });

  it('under test, an answer the two serializers write differently fails instead of being sent', () => {
    const check = responseSerializerCompiler({ check: true })({ schema: view, method: 'GET', url: '/x', httpStatus: '200' } as never);
    expect(JSON.parse(check(value))).toMatchObject({ id: 7 });
    // zod refuses what does not match the schema; the compiled serializer alone would write it.
    expect(() => check({ ...value, id: 'seven' })).toThrow();
  });
});
