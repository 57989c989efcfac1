/**
 * Discretion benchmarks (裁量基准), exemption lists and the engine that applies them. Pure: text in, decisions
 * out; reading files and storing items belong to the services layer.
 */
export * from './model.ts';
export { articles, discretionRules } from './config.ts';
export { parseChineseNumber, formatYuan } from './chinese-number.ts';
export { parseStatutoryRange, parsePenaltyStandard } from './parse-penalty.ts';
export type { ParseResult } from './parse-penalty.ts';
export { parseConditions } from './parse-conditions.ts';
export type { TableRecord } from './table.ts';
export { benchmarkColumns, exemptionColumns, parseBenchmarkRecords, parseExemptionRecords, benchmarksToRows, exemptionsToRows, sourceKey } from './table.ts';
export { parseBenchmarkCsv, parseExemptionCsv, benchmarksToCsv, exemptionsToCsv, readCsvRecords, rowsToCsv } from './csv.ts';
export { evaluateConditions, evaluateCondition, occurrenceOf } from './evaluate.ts';
export type { Truth } from './evaluate.ts';
export { assessPenalty, checkProposal, reductionGrounds } from './engine.ts';
export { checkStatutoryLimit, lawfulReductionGrounds, statutoryFineRange } from './statutory-limit.ts';
export type { StatutoryFineRange, StatutoryLimitCheck, StatutoryLimitInput } from './statutory-limit.ts';
export type { PenaltyAssessment, ProposalCheck, Mitigation, PendingTier, TierRef } from './engine.ts';
export { assessExemption, findExemptionItems, limitedCapacityGround, textSimilarity } from './exemption.ts';
export type { ExemptionAssessment, ExemptionGround, PendingGround } from './exemption.ts';
export { reviewConsistency, similarCases, median } from './consistency.ts';
export type { DecidedCase, ConsistencyFlag, ConsistencyGroup, ConsistencyReport, ConsistencyOptions, SimilarCase, SimilarCaseTarget } from './consistency.ts';
export { versionInForce, parseSourceVersion, benchmarkSets, sourceTitle } from './versions.ts';
export type { Range } from './statutory.ts';
export { bundledBenchmarksUrl, bundledExemptionsUrl } from './data.ts';
export { applyBenchmark, assertPenaltyLawful, itemCitation, CaseFactsInputSchema } from './case-penalty.ts';
export type { AppliedBenchmark, CaseFactsInput } from './case-penalty.ts';
export { versionState, versionStateLabels, checkEffectiveDate, withdrawalEnd } from './versions.ts';
export type { VersionState, VersionStatus } from './versions.ts';
export { diffBenchmarkItems, diffExemptionItems, itemNameKey } from './version-diff.ts';
export type { VersionDiff, DiffItem, ChangedItem } from './version-diff.ts';
