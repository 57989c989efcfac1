/**
 * Every ledger's indicators in one list (docs/ARCHITECTURE.md "Indicators", docs/REPORTS.md): the annual report and
 * the CLI compose a unit's figures from these sources. A new ledger's `IndicatorSource` is one line below; a key is
 * answered by at most one source (sources.test.ts).
 */
import type { IndicatorKey } from '../../domain/indicators/catalog.ts';
import { caseIndicatorSource } from '../cases/indicators.ts';
import type { IndicatorContext, IndicatorRecord, IndicatorSource, IndicatorValue } from '../kernel/indicators.ts';
import { inspectionIndicators } from '../inspections/indicators.ts';
import { workOrderIndicators } from '../workorders/indicators.ts';

/** A source with its key type widened, so sources of different ledgers sit in one list. */
export interface RegisteredIndicatorSource {
  module: string;
  keys: readonly IndicatorKey[];
  indicators(ctx: IndicatorContext, orgPath: string, year: number): Promise<IndicatorValue[]>;
  /** Only called with one of `keys`. */
  records(ctx: IndicatorContext, orgPath: string, year: number, key: IndicatorKey): Promise<IndicatorRecord[]>;
}

function register<K extends IndicatorKey>(source: IndicatorSource<K>): RegisteredIndicatorSource {
  return {
    module: source.module,
    keys: source.keys,
    indicators: (ctx, orgPath, year) => source.indicators(ctx, orgPath, year),
    records: (ctx, orgPath, year, key) => {
      if (!(source.keys as readonly IndicatorKey[]).includes(key)) throw new Error(`${source.module} does not answer ${key}`);
      return source.records(ctx, orgPath, year, key as K);
    },
  };
}

export const indicatorSources: readonly RegisteredIndicatorSource[] = [
  register(caseIndicatorSource),
  register(workOrderIndicators),
  register(inspectionIndicators),
];

/** The source answering `key`, if a ledger of Fazhi does. */
export function sourceOf(key: IndicatorKey, sources: readonly RegisteredIndicatorSource[] = indicatorSources): RegisteredIndicatorSource | undefined {
  return sources.find((s) => s.keys.includes(key));
}
