/**
 * 同案同罚 (same case, same penalty). Decided cases are grouped by violation and tier, then two checks:
 *
 * - outsideRange: the fine lies outside the range the tier gave for that case.
 * - peerOutlier: the fine is out of line with its peers. Fines are compared as a share of each case's own range
 *   midpoint, so per-unit tiers (每平方米…) compare fairly across different areas. A case is flagged when its
 *   distance from the group median exceeds BOTH outlierMadMultiplier × MAD (median absolute deviation — robust
 *   to the outlier itself, unlike the standard deviation) AND outlierRelativeThreshold × median (so when nearly
 *   all fines are equal, MAD = 0 and a difference of a few yuan is not a finding). Groups smaller than
 *   peerMinimumGroupSize are not compared: two cases have no majority.
 */
import { discretionRules } from './config.ts';
import { formatYuan } from './chinese-number.ts';
import type { IsoDate, PartyKind, QuantityKey } from './model.ts';
import { quantityLabels } from './model.ts';
import type { Range } from './statutory.ts';

export interface DecidedCase {
  caseId: string;
  /** The benchmark item id (BenchmarkItem.id). */
  violationCode: string;
  /** Tier code when known (names repeat within some items, e.g. 裁量情形). */
  tierCode?: string;
  tierName: string;
  fine: number;
  /** The range the engine gave for this case. */
  range: Range;
  partyKind?: PartyKind;
  quantities?: Partial<Record<QuantityKey, number>>;
  decidedOn?: IsoDate;
}

export interface ConsistencyFlag {
  caseId: string;
  violationCode: string;
  tierName: string;
  kind: 'outsideRange' | 'peerOutlier';
  fine: number;
  message: string;
}

export interface ConsistencyGroup {
  violationCode: string;
  tierKey: string;
  tierName: string;
  caseCount: number;
  medianFine: number;
  /** Median of fine ÷ range midpoint (1 = the middle of each case's own range). */
  medianRelative: number;
  mad: number;
  compared: boolean;
}

export interface ConsistencyReport {
  groups: ConsistencyGroup[];
  flags: ConsistencyFlag[];
}

export interface ConsistencyOptions {
  madMultiplier?: number;
  relativeThreshold?: number;
  minimumGroupSize?: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function relative(c: DecidedCase): number {
  const midpoint = (c.range.min + c.range.max) / 2;
  return midpoint > 0 ? c.fine / midpoint : c.fine;
}

export function reviewConsistency(cases: DecidedCase[], options: ConsistencyOptions = {}): ConsistencyReport {
  const k = options.madMultiplier ?? discretionRules.outlierMadMultiplier;
  const share = options.relativeThreshold ?? discretionRules.outlierRelativeThreshold;
  const minimum = options.minimumGroupSize ?? discretionRules.peerMinimumGroupSize;
  const tolerance = discretionRules.amountTolerance;
  const byGroup = new Map<string, DecidedCase[]>();
  for (const c of cases) {
    const key = `${c.violationCode}\u0000${c.tierCode ?? c.tierName}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), c]);
  }
  const groups: ConsistencyGroup[] = [];
  const flags: ConsistencyFlag[] = [];
  for (const members of byGroup.values()) {
    const first = members[0];
    if (!first) continue;
    for (const c of members) {
      if (c.fine < c.range.min - tolerance || c.fine > c.range.max + tolerance) {
        flags.push({
          caseId: c.caseId,
          violationCode: c.violationCode,
          tierName: c.tierName,
          kind: 'outsideRange',
          fine: c.fine,
          message: `罚款${formatYuan(c.fine)}超出「${c.tierName}」阶次幅度（${formatYuan(c.range.min)}至${formatYuan(c.range.max)}）`,
        });
      }
    }
    const relatives = members.map(relative);
    const med = median(relatives);
    const mad = median(relatives.map((r) => Math.abs(r - med)));
    const compared = members.length >= minimum;
    if (compared) {
      const threshold = Math.max(k * mad, share * Math.abs(med));
      members.forEach((c, i) => {
        const deviation = Math.abs((relatives[i] ?? med) - med);
        if (deviation > threshold + 1e-9) {
          const peers = median(members.map((m) => m.fine));
          flags.push({
            caseId: c.caseId,
            violationCode: c.violationCode,
            tierName: c.tierName,
            kind: 'peerOutlier',
            fine: c.fine,
            message: `罚款${formatYuan(c.fine)}明显偏离同一违法行为「${c.tierName}」阶次的同类案件（${members.length}件，罚款中位数${formatYuan(peers)}）`,
          });
        }
      });
    }
    groups.push({
      violationCode: first.violationCode,
      tierKey: first.tierCode ?? first.tierName,
      tierName: first.tierName,
      caseCount: members.length,
      medianFine: median(members.map((m) => m.fine)),
      medianRelative: med,
      mad,
      compared,
    });
  }
  return { groups, flags };
}

export interface SimilarCaseTarget {
  violationCode: string;
  tierCode?: string;
  tierName?: string;
  partyKind?: PartyKind;
  quantities?: Partial<Record<QuantityKey, number>>;
}

export interface SimilarCase {
  case: DecidedCase;
  /** 0–1: violation 0.5, tier 0.2, quantities 0.2, party kind 0.1. */
  score: number;
  reasons: string[];
}

/** Similarity of two quantity sets: per shared key 1 − |a−b| / max(a,b); a key only one side has counts 0. */
function quantitySimilarity(a: Partial<Record<QuantityKey, number>> | undefined, b: Partial<Record<QuantityKey, number>> | undefined): number {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})] as QuantityKey[]);
  if (keys.size === 0) return 1;
  let sum = 0;
  for (const key of keys) {
    const x = a?.[key];
    const y = b?.[key];
    if (x === undefined || y === undefined) continue;
    const top = Math.max(x, y);
    sum += top === 0 ? 1 : 1 - Math.abs(x - y) / top;
  }
  return sum / keys.size;
}

/**
 * Past cases most like the target, for the officer to see while deciding. Ranked by violation, tier, quantities
 * and party kind; ties go to the more recent decision.
 */
export function similarCases(target: SimilarCaseTarget, past: DecidedCase[], k = 5): SimilarCase[] {
  return past
    .map((c) => {
      const reasons: string[] = [];
      let score = 0;
      if (c.violationCode === target.violationCode) {
        score += 0.5;
        reasons.push('同一违法行为');
      }
      const sameTier = target.tierCode !== undefined && c.tierCode !== undefined ? c.tierCode === target.tierCode : target.tierName !== undefined && c.tierName === target.tierName;
      if (sameTier && c.violationCode === target.violationCode) {
        score += 0.2;
        reasons.push(`同一裁量阶次（${c.tierName}）`);
      }
      const q = quantitySimilarity(target.quantities, c.quantities);
      score += 0.2 * q;
      const shared = (Object.keys(target.quantities ?? {}) as QuantityKey[]).filter((key) => c.quantities?.[key] !== undefined);
      if (shared.length > 0) reasons.push(`数量相近（${shared.map((key) => `${quantityLabels[key].name}${c.quantities?.[key]}${quantityLabels[key].unit}`).join('、')}）`);
      if (target.partyKind !== undefined && c.partyKind === target.partyKind) {
        score += 0.1;
        reasons.push(c.partyKind === 'person' ? '当事人同为个人' : '当事人同为单位');
      }
      return { case: c, score: Math.round(score * 1000) / 1000, reasons };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (b.case.decidedOn ?? '').localeCompare(a.case.decidedOn ?? '') || a.case.caseId.localeCompare(b.case.caseId))
    .slice(0, k);
}
