import { createHash } from 'node:crypto';

/** SM3 (GB/T 32905-2016), the digest Chinese government security reviews expect. */
export function sm3(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** The digest that starts every chain. */
export const GENESIS_DIGEST = '0'.repeat(64);

/**
 * Deterministic JSON: object keys sorted at every level, no whitespace. The database (jsonb) may reorder
 * keys, so digests are always taken over this form, never over the stored text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('不能对非有限数字计算摘要');
    return JSON.stringify(value ?? null);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
