import { asc } from 'drizzle-orm';
import { type AuditProblem, type ChainHead, type StoredAuditRecord, checkpointDigest, verifyChain } from '../domain/audit/chain.ts';
import { GENESIS_DIGEST } from '../domain/audit/digest.ts';
import type { Executor } from '../db/connect.ts';
import { auditCheckpoints } from '../db/schema.ts';
import { readAllAuditRecords, readChainHeads } from './audit-trail.ts';

export interface AuditVerification {
  records: number;
  chains: number;
  checkpoints: number;
  /** The first problem found (chains in order, then checkpoints), or null when everything recomputes. */
  problem: AuditProblem | null;
}

/**
 * Recomputes every digest: each chain from its first record, each chain against its head, and every
 * checkpoint against the chain of checkpoints and against the records it names.
 */
export async function verifyAudit(db: Executor): Promise<AuditVerification> {
  const heads = new Map((await readChainHeads(db)).map((h) => [h.chain, h]));
  const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));

  // Every (chain, seq) a checkpoint vouched for must still exist with the same digest.
  const vouched = new Map<string, Map<number, { digest: string; checkpointId: number }>>();
  let prevCheckpoint = GENESIS_DIGEST;
  let checkpointProblem: AuditProblem | null = null;
  for (const cp of checkpoints) {
    const cpHeads = cp.heads as ChainHead[];
    if (!checkpointProblem && (cp.prevDigest !== prevCheckpoint || checkpointDigest(cp.prevDigest, cp.at, cpHeads) !== cp.digest)) {
      checkpointProblem = {
        kind: 'altered',
        chain: 'checkpoints',
        seq: cp.id,
        recordId: cp.id,
        message: `检查点 #${cp.id} 与其摘要或前一检查点不符`,
      };
    }
    prevCheckpoint = cp.digest;
    for (const [chain, seq, digest] of cpHeads) {
      let bySeq = vouched.get(chain);
      if (!bySeq) vouched.set(chain, (bySeq = new Map()));
      bySeq.set(seq, { digest, checkpointId: cp.id });
    }
  }

  let records = 0;
  let chains = 0;
  let firstProblem: AuditProblem | null = null;
  const seenChains = new Set<string>();
  const checkChain = (chain: StoredAuditRecord[]) => {
    const name = chain[0]!.chain;
    seenChains.add(name);
    chains++;
    const head = heads.get(name);
    const problem = verifyChain(chain, head) ?? checkVouched(name, chain, vouched.get(name));
    if (problem && !firstProblem) firstProblem = problem;
  };

  let current: StoredAuditRecord[] = [];
  for await (const record of readAllAuditRecords(db)) {
    records++;
    if (current.length > 0 && current[0]!.chain !== record.chain) {
      checkChain(current);
      current = [];
    }
    current.push(record);
  }
  if (current.length > 0) checkChain(current);

  if (!firstProblem) {
    // Chains that the heads or a checkpoint know of, but with no record left at all.
    for (const name of [...heads.keys(), ...vouched.keys()].sort()) {
      if (!seenChains.has(name)) {
        firstProblem = { kind: 'removed', chain: name, seq: 1, recordId: null, message: '整条记录链已被删除' };
        break;
      }
    }
  }
  return { records, chains, checkpoints: checkpoints.length, problem: firstProblem ?? checkpointProblem };
}

function checkVouched(
  chain: string,
  records: StoredAuditRecord[],
  bySeq: Map<number, { digest: string; checkpointId: number }> | undefined,
): AuditProblem | null {
  if (!bySeq) return null;
  for (const [seq, { digest, checkpointId }] of bySeq) {
    const record = records[seq - 1];
    if (!record) {
      return { kind: 'removed', chain, seq, recordId: null, message: `检查点 #${checkpointId} 记载的第 ${seq} 条记录已不存在` };
    }
    if (record.digest !== digest) {
      return { kind: 'altered', chain, seq, recordId: record.id, message: `与检查点 #${checkpointId} 记载的摘要不符` };
    }
  }
  return null;
}
