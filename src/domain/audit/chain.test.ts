import { describe, expect, it } from 'vitest';
import { type StoredAuditRecord, changeDigest, checkpointDigest, recordDigest, verifyChain } from './chain.ts';
import { canonicalJson, GENESIS_DIGEST, sm3 } from './digest.ts';

function buildChain(n: number, chain = 'case:1'): StoredAuditRecord[] {
  const out: StoredAuditRecord[] = [];
  let prev = GENESIS_DIGEST;
  for (let seq = 1; seq <= n; seq++) {
    const change = { step: seq, note: `第${seq}步` };
    const fields = {
      chain,
      seq,
      prevDigest: prev,
      actorId: 7,
      organizationId: 3,
      action: 'case.transition',
      subjectType: 'case',
      subjectId: '1',
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      changeDigest: changeDigest(change),
    };
    const digest = recordDigest(fields);
    out.push({ ...fields, id: seq * 10, change, digest });
    prev = digest;
  }
  return out;
}

describe('SM3 digests', () => {
  it('computes the GB/T 32905 test vector for "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('canonical JSON ignores key order and undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    const chain = buildChain(5);
    expect(verifyChain(chain, { seq: 5, digest: chain[4]!.digest })).toBeNull();
  });

  it('names an altered change', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, change: { step: 3, note: '改过' } };
    expect(verifyChain(chain)).toMatchObject({ kind: 'altered', seq: 3, recordId: 30 });
  });

  it('names an altered field covered by the digest (actor, time)', () => {
    const chain = buildChain(4);
    chain[1] = { ...chain[1]!, actorId: 99 };
    expect(verifyChain(chain)).toMatchObject({ kind: 'altered', seq: 2, recordId: 20 });
  });

  it('names a removed record in the middle', () => {
    const chain = buildChain(5);
    chain.splice(1, 1);
    expect(verifyChain(chain)).toMatchObject({ kind: 'removed', seq: 2, recordId: null });
  });

  it('names removed records at the tail through the chain head', () => {
    const chain = buildChain(5);
    const head = { seq: 5, digest: chain[4]!.digest };
    expect(verifyChain(chain.slice(0, 3), head)).toMatchObject({ kind: 'removed', seq: 4 });
  });

  it('names two records whose positions were swapped', () => {
    const chain = buildChain(5);
    const a = chain[1]!;
    const b = chain[2]!;
    chain[1] = { ...b, seq: 2 };
    chain[2] = { ...a, seq: 3 };
    expect(verifyChain(chain)).toMatchObject({ kind: 'reordered', seq: 2, recordId: 30 });
  });

  it('checkpoint digests depend on every head and on the previous checkpoint', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const d1 = checkpointDigest(GENESIS_DIGEST, at, [['case:1', 3, 'aa']]);
    expect(checkpointDigest(GENESIS_DIGEST, at, [['case:1', 4, 'aa']])).not.toBe(d1);
    expect(checkpointDigest(d1, at, [['case:1', 3, 'aa']])).not.toBe(d1);
  });
});
