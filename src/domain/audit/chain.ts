import { canonicalJson, GENESIS_DIGEST, sm3 } from './digest.ts';

/** The fields of an audit record that its digest covers. */
export interface AuditFields {
  chain: string;
  seq: number;
  prevDigest: string;
  actorId: number | null;
  organizationId: number | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** ISO 8601 instant. */
  at: string;
  changeDigest: string;
}

export interface StoredAuditRecord extends AuditFields {
  id: number;
  change: unknown;
  digest: string;
}

export const changeDigest = (change: unknown): string => sm3(canonicalJson(change));

export function recordDigest(fields: AuditFields): string {
  return sm3(
    canonicalJson({
      action: fields.action,
      actorId: fields.actorId,
      at: new Date(fields.at).toISOString(),
      chain: fields.chain,
      changeDigest: fields.changeDigest,
      organizationId: fields.organizationId,
      prevDigest: fields.prevDigest,
      seq: fields.seq,
      subjectId: fields.subjectId,
      subjectType: fields.subjectType,
    }),
  );
}

export type AuditProblemKind = 'altered' | 'removed' | 'reordered';

export interface AuditProblem {
  kind: AuditProblemKind;
  chain: string;
  seq: number;
  /** The record where the problem shows; null when the record itself is gone. */
  recordId: number | null;
  message: string;
}

const kindText: Record<AuditProblemKind, string> = { altered: '被篡改', removed: '被删除', reordered: '顺序被调换' };

export function describeProblem(p: AuditProblem): string {
  const where = p.recordId === null ? `链 ${p.chain} 第 ${p.seq} 条` : `记录 #${p.recordId}（链 ${p.chain} 第 ${p.seq} 条）`;
  return `${where}${kindText[p.kind]}：${p.message}`;
}

/**
 * Checks one chain, records in ascending `seq`. Returns the first problem, or null. A record whose digest
 * matches its content at another position of the chain was moved (reordered); one that matches nowhere was
 * altered; a gap in the sequence or a head beyond the last record means records were removed.
 */
export function verifyChain(records: readonly StoredAuditRecord[], expectedHead?: { seq: number; digest: string }): AuditProblem | null {
  let prev = GENESIS_DIGEST;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const expectedSeq = i + 1;
    if (r.seq !== expectedSeq) {
      return { kind: 'removed', chain: r.chain, seq: expectedSeq, recordId: null, message: `缺少第 ${expectedSeq} 条记录` };
    }
    if (changeDigest(r.change) !== r.changeDigest) {
      return { kind: 'altered', chain: r.chain, seq: r.seq, recordId: r.id, message: '变更内容与其摘要不符' };
    }
    if (recordDigest(r) !== r.digest) {
      const movedFrom = findOriginalSeq(r, records.length);
      return movedFrom === null
        ? { kind: 'altered', chain: r.chain, seq: r.seq, recordId: r.id, message: '记录内容与其摘要不符' }
        : { kind: 'reordered', chain: r.chain, seq: r.seq, recordId: r.id, message: `该记录原为第 ${movedFrom} 条` };
    }
    if (r.prevDigest !== prev) {
      return { kind: 'reordered', chain: r.chain, seq: r.seq, recordId: r.id, message: '与前一条记录的摘要链接断裂' };
    }
    prev = r.digest;
  }
  if (expectedHead && expectedHead.seq > records.length) {
    const chain = records[0]?.chain ?? '';
    return {
      kind: 'removed',
      chain,
      seq: records.length + 1,
      recordId: null,
      message: `链头记载共 ${expectedHead.seq} 条，实有 ${records.length} 条`,
    };
  }
  if (expectedHead && expectedHead.seq === records.length && records.length > 0 && expectedHead.digest !== prev) {
    const last = records[records.length - 1]!;
    return { kind: 'altered', chain: last.chain, seq: last.seq, recordId: last.id, message: '与链头记载的摘要不符' };
  }
  return null;
}

/** Swapped rows keep their original digests; finding the position whose digest they match names the move. */
function findOriginalSeq(r: StoredAuditRecord, length: number): number | null {
  for (let seq = 1; seq <= length; seq++) {
    if (seq !== r.seq && recordDigest({ ...r, seq }) === r.digest) return seq;
  }
  return null;
}

export type ChainHead = [chain: string, seq: number, digest: string];

/** Checkpoints hold only the heads changed since the previous one; their digests chain like records do. */
export function checkpointDigest(prevDigest: string, at: string, heads: readonly ChainHead[]): string {
  return sm3(canonicalJson({ at: new Date(at).toISOString(), heads, prevDigest }));
}
