import { describe, expect, it } from 'vitest';
import { indicatorCatalog } from '../../domain/indicators/catalog.ts';
import { indicatorSources, sourceOf } from './sources.ts';

describe('the indicator sources in one list', () => {
  it('answers each key at most once, and only keys of the catalog', () => {
    const keys = indicatorSources.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    const catalog = new Set<string>(indicatorCatalog.map((e) => e.key));
    expect(keys.filter((k) => !catalog.has(k))).toEqual([]);
    expect(sourceOf('penalty_cases')?.module).toBe('cases');
    expect(sourceOf('petitions_handled')?.module).toBe('workorders');
    expect(sourceOf('law_study_sessions')).toBeUndefined();
  });
});
