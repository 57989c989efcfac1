import { describe, expect, it } from 'vitest';
import { formatScores, overallScore, parseGold, scoreReport, valuesMatch } from './score.ts';
import type { IndicatorMention, ReportAnalysis } from './types.ts';

const mention = (key: IndicatorMention['key'], value: number): IndicatorMention => ({ key, value, unit: '', approx: false, text: '', start: 0 });

const gold = parseGold({
  file: 'a.txt',
  organization: '杭州市城市管理局',
  organization_aliases: ['杭州市城管局'],
  year: 2023,
  date: '2023-12-20',
  sections: { measures: true, shortcomings: true, responsibility: true, plan: true },
  expected: { trained_persons: [5166], publicity_events: [160, 100], inspections: [10] },
  allowed: { training_sessions: [3, 14] },
});

const output: ReportAnalysis = {
  file: 'a.txt',
  title: '杭州市城管局2023年法治政府建设年度报告',
  organization: '杭州市城管局',
  year: 2023,
  date: '2023-12-20',
  sections: { measures: true, shortcomings: true, responsibility: false, plan: true, other: false },
  missingSections: ['responsibility'],
  indicators: [
    mention('trained_persons', 5180), // within 0.5% of 5166
    mention('publicity_events', 100),
    mention('publicity_events', 100), // a repeated pair counts once
    mention('training_sessions', 14),
    mention('penalty_cases', 127), // wrong
  ],
};

describe('valuesMatch', () => {
  it('accepts a difference of up to 0.5%', () => {
    expect(valuesMatch(1005, 1000)).toBe(true);
    expect(valuesMatch(1006, 1000)).toBe(false);
    expect(valuesMatch(0, 0)).toBe(true);
    expect(valuesMatch(0.001, 0)).toBe(false);
  });
});

describe('scoreReport', () => {
  const score = scoreReport(output, gold);

  it('counts recall over expected keys and precision over distinct output pairs', () => {
    expect(score.foundKeys).toEqual(['trained_persons', 'publicity_events']);
    expect(score.missingKeys).toEqual(['inspections']);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.outputPairs).toBe(4);
    expect(score.correctPairs).toBe(3);
    expect(score.wrongPairs).toEqual([{ key: 'penalty_cases', value: 127 }]);
    expect(score.precision).toBeCloseTo(3 / 4);
    expect(score.f1).toBeCloseTo((2 * (3 / 4) * (2 / 3)) / (3 / 4 + 2 / 3));
  });

  it('checks the metadata: organization by name or alias, year, date and each gold section flag', () => {
    expect(score.metadata.organization.ok).toBe(true);
    expect(score.metadata.year.ok).toBe(true);
    expect(score.metadata.date.ok).toBe(true);
    expect(score.metadata.sections.responsibility?.ok).toBe(false);
    expect(score.metadata.sections.other).toBeUndefined();
    expect(score.metadataOk).toBe(false);
  });

  it('sums reports into an overall score', () => {
    const perfect = scoreReport({ ...output, sections: { ...output.sections, responsibility: true }, indicators: [mention('trained_persons', 5166)] }, { ...gold, expected: { trained_persons: [5166] } });
    const overall = overallScore([score, perfect]);
    expect(overall.recall).toBeCloseTo(3 / 4);
    expect(overall.precision).toBeCloseTo(4 / 5);
    expect(overall.metadataChecks).toBe(14);
    expect(overall.metadataRight).toBe(13);
    expect(formatScores([score, perfect])).toContain('总体（2 份报告）');
  });

  it('rejects a malformed gold file', () => {
    expect(() => parseGold({ file: 'x' })).toThrow();
  });
});
