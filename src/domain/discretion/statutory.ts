/**
 * Which statutory bands apply to a tier, and what a fine component amounts to for given quantities. Shared by
 * the import check (a tier standard must lie inside the statutory range) and the engine (the fine is capped by
 * it), so both read the 罚则 the same way.
 */
import type { FineComponent, PartyKind, QuantityKey } from './model.ts';

export interface Range {
  min: number;
  max: number;
}

/** A tier belongs to the 情节严重 band when its name says 严重 (情节严重, 情节严重情形下的较轻情节 …). */
export function isSevereTier(tierName: string): boolean {
  return /严重/.test(tierName);
}

/**
 * The bands of a 罚则 that bind a tier: those for the party kind (or for anyone), the 情节严重 bands for a severe
 * tier when the 罚则 has them, otherwise the ordinary bands (falling back to all when only one kind exists).
 */
export function selectBands(bands: FineComponent[], partyKind: PartyKind | undefined, tierName: string): FineComponent[] {
  const forParty = bands.filter((b) => !b.partyKind || !partyKind || b.partyKind === partyKind);
  if (isSevereTier(tierName)) {
    const severe = forParty.filter((b) => b.severeOnly);
    return severe.length > 0 ? severe : forParty;
  }
  const ordinary = forParty.filter((b) => !b.severeOnly);
  return ordinary.length > 0 ? ordinary : forParty;
}

export function roundYuan(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** The total a component allows for these quantities, or the missing quantity. */
export function componentTotal(
  component: FineComponent,
  quantities: Partial<Record<QuantityKey, number>> | undefined,
): { range: Range } | { missing: QuantityKey } {
  if (component.basis === 'total' || component.unit === undefined) return { range: { min: component.min, max: component.max } };
  const q = quantities?.[component.unit];
  if (q === undefined) return { missing: component.unit };
  let min = component.min * q;
  let max = component.max * q;
  if (component.capTotal !== undefined) {
    min = Math.min(min, component.capTotal);
    max = Math.min(max, component.capTotal);
  }
  return { range: { min: roundYuan(min), max: roundYuan(max) } };
}

export function envelope(ranges: Range[]): Range | undefined {
  if (ranges.length === 0) return undefined;
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}
