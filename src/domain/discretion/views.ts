/**
 * The read shapes of discretion benchmarks (裁量基准) and exemption lists as the server sends them
 * (src/server/routes/discretion.ts): imports, versions, items, the case assessment, similar cases and the
 * same-case-same-penalty report. Zod schemas: the routes' `response:`, `z.infer`'d by the services and the web.
 */
import { z } from 'zod';
import { isoDay } from '../view-kit.ts';
import { CaseFactsSchema, ImportRejectionSchema, OtherPenaltySchema, PartyKindSchema } from './model.ts';

export const versionKind = z.enum(['benchmark', 'exemption']);
export type VersionKind = z.infer<typeof versionKind>;

const diffItem = z.object({ code: z.string(), name: z.string() });

/** GET /api/benchmarks/:id/diff, and in the import report: a draft against the version in force at its level today. */
export const versionDiff = z.object({
  /** The version in force it is compared with (null: none is — every item is new). */
  base: z.object({ id: z.number(), name: z.string(), effectiveFrom: isoDay }).nullable(),
  added: z.array(diffItem),
  removed: z.array(diffItem),
  changed: z.array(diffItem.extend({ previousCode: z.string(), fields: z.array(z.string()) })),
  unchanged: z.number(),
});
export type VersionDiffView = z.infer<typeof versionDiff>;

/** POST /api/benchmarks/:id/confirm, /discard, /withdraw. */
export const versionStepResult = z.object({
  id: z.number(),
  status: z.enum(['draft', 'confirmed', 'discarded', 'withdrawn']),
  effectiveFrom: isoDay,
  effectiveTo: isoDay.nullable(),
  publishedOn: isoDay.nullable(),
});
export type VersionStepResult = z.infer<typeof versionStepResult>;

/** POST /api/benchmarks/import (201): a draft, not yet in force nor published. */
export const importReport = z.object({
  versionId: z.number(),
  kind: versionKind,
  /** Always 'draft': a head confirms it with its effective date (POST /api/benchmarks/:id/confirm). */
  status: z.literal('draft'),
  name: z.string(),
  organizationId: z.number().nullable(),
  /** The effective date proposed (the file's 施行 date or the one given); the head chooses it on confirmation. */
  effectiveFrom: isoDay,
  format: z.enum(['csv', 'xlsx']),
  /** Data rows read from the file (comment lines and the header not counted). */
  rows: z.number(),
  /** Benchmarks: rules (accepted rows, one violation × one tier); exemption lists: items. */
  imported: z.number(),
  items: z.number(),
  rejected: z.array(ImportRejectionSchema),
  /** The first items as read (code, name, category, tiers), to check the file was read as meant. */
  preview: z.array(z.object({ code: z.string(), name: z.string(), category: z.string(), tierCount: z.number() })),
  diff: versionDiff,
});
export type ImportReport = z.infer<typeof importReport>;

const versionFields = {
  id: z.number(),
  kind: versionKind,
  kindLabel: z.string(),
  name: z.string(),
  issuer: z.string().nullable(),
  documentNumber: z.string().nullable(),
  effectiveFrom: isoDay,
  effectiveTo: isoDay.nullable(),
  /** Null while a draft; a confirmed version is published on its effective date. */
  publishedOn: isoDay.nullable(),
  /** 草稿, 待施行, 现行, 已被替代, 已撤回, 已放弃 (domain/discretion/versions.ts). */
  state: z.enum(['draft', 'scheduled', 'inForce', 'superseded', 'withdrawn', 'discarded']),
  stateLabel: z.string(),
  /** In force today for its organization (the latest effective published version of its kind there). */
  inForce: z.boolean(),
  ruleCount: z.number(),
  itemCount: z.number(),
};

/** GET /api/benchmarks: a version the actor may see. */
export const versionSummary = z.object({
  ...versionFields,
  /** null: a global version, applying to every organization. */
  organization: z.object({ id: z.number(), name: z.string() }).nullable(),
  rejectedCount: z.number(),
  withdrawalReason: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

/** GET /api/benchmarks/:id/items, and the items of GET /api/public/benchmarks. */
export const itemSummary = z.object({
  id: z.number(),
  itemKey: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  penaltyProvision: z.string(),
  statutoryRange: z.string(),
  partyKind: z.string(),
  tierCount: z.number(),
});
export type ItemSummary = z.infer<typeof itemSummary>;

/** GET /api/benchmark-items/:id and /api/public/benchmarks/items/:id. */
export const itemDetail = z.object({
  id: z.number(),
  version: z.object({ id: z.number(), name: z.string(), effectiveFrom: isoDay, publishedOn: isoDay.nullable() }),
  citation: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  regulation: z.string(),
  violatedProvision: z.string(),
  penaltyProvision: z.string(),
  statutoryRange: z.string(),
  partyKind: z.string(),
  source: z.object({ title: z.string(), name: z.string(), url: z.string() }),
  tiers: z.array(z.object({ code: z.string(), name: z.string(), conditionText: z.string(), standard: z.string(), note: z.string() })),
});
export type ItemDetail = z.infer<typeof itemDetail>;

const publicVersionFields = { ...versionFields, organizationName: z.string().nullable() };

/** GET /api/public/benchmarks. */
export const publicBenchmarkVersion = z.object({ ...publicVersionFields, items: z.array(itemSummary) });
export type PublicBenchmarkVersion = z.infer<typeof publicBenchmarkVersion>;
export const publicBenchmarks = z.object({ versions: z.array(publicBenchmarkVersion) });
export type PublicBenchmarks = z.infer<typeof publicBenchmarks>;

/** GET /api/public/exemptions. */
export const publicExemptionItem = z.object({
  id: z.number(),
  code: z.string(),
  matter: z.string(),
  basis: z.string(),
  type: z.string(),
  conditionText: z.string(),
  commitmentRequired: z.boolean(),
  source: z.string(),
});
export type PublicExemptionItem = z.infer<typeof publicExemptionItem>;
export const publicExemptionList = z.object({ ...publicVersionFields, items: z.array(publicExemptionItem) });
export type PublicExemptionList = z.infer<typeof publicExemptionList>;
export const publicExemptions = z.object({ lists: z.array(publicExemptionList) });
export type PublicExemptions = z.infer<typeof publicExemptions>;

const caseRefFields = {
  caseId: z.number(),
  actCode: z.string(),
  title: z.string(),
  decisionNumber: z.string().nullable(),
  decidedOn: isoDay,
  organizationName: z.string(),
};
export const caseRef = z.object(caseRefFields);
export type CaseRef = z.infer<typeof caseRef>;

const fenRange = z.object({ minFen: z.number(), maxFen: z.number() });
const flagKind = z.enum(['outsideRange', 'peerOutlier']);

/** A decided case like the one at hand (same violation, same tier, similar quantities). */
export const similarCase = z.object({
  ...caseRefFields,
  score: z.number(),
  reasons: z.array(z.string()),
  violationName: z.string(),
  tierName: z.string(),
  fineFen: z.number(),
  range: fenRange,
});
export type SimilarCase = z.infer<typeof similarCase>;

/** GET /api/cases/:id/similar-cases. */
export const similarCases = z.object({ note: z.string().nullable(), cases: z.array(similarCase) });
export type SimilarCases = z.infer<typeof similarCases>;

/** GET /api/discretion/consistency: the same-case-same-penalty report. */
export const consistencyReportView = z.object({
  from: isoDay.nullable(),
  to: isoDay.nullable(),
  caseCount: z.number(),
  groups: z.array(
    z.object({
      itemKey: z.string(),
      violationName: z.string(),
      tierName: z.string(),
      caseCount: z.number(),
      medianFineFen: z.number(),
      /** Compared with peers (groups of at least 3 cases). */
      compared: z.boolean(),
      cases: z.array(z.object({ ...caseRefFields, fineFen: z.number(), range: fenRange, flags: z.array(flagKind) })),
    }),
  ),
  flags: z.array(
    z.object({ ...caseRefFields, kind: flagKind, kindLabel: z.string(), violationName: z.string(), tierName: z.string(), fineFen: z.number(), message: z.string() }),
  ),
});
export type ConsistencyReportView = z.infer<typeof consistencyReportView>;

const tierRef = z.object({ code: z.string(), name: z.string(), order: z.number(), conditionText: z.string(), standardText: z.string() });
const yuanRange = z.object({ min: z.number(), max: z.number() });

/** What the benchmark engine concludes for a case's facts (engine.ts `PenaltyAssessment`). */
export const penaltyAssessmentView = z.object({
  item: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    source: z.object({ name: z.string(), url: z.string() }),
    violatedProvision: z.string(),
    penaltyProvision: z.string(),
    statutoryText: z.string(),
  }),
  partyKind: PartyKindSchema,
  /** undetermined: no tier's conditions are established yet (see pendingTiers). */
  outcome: z.enum(['penalty', 'noFine', 'noPenalty', 'undetermined']),
  tier: tierRef.optional(),
  matchedConditions: z.array(z.string()),
  pendingTiers: z.array(tierRef.extend({ unresolved: z.array(z.string()) })),
  /** The fine range for these facts in yuan; absent when not a fine case or a quantity is missing. */
  fine: yuanRange.optional(),
  /** The statutory range for these facts (the legal ceiling and floor). */
  statutoryFine: yuanRange.optional(),
  otherPenalties: z.array(OtherPenaltySchema),
  measures: z.array(z.string()),
  mitigation: z
    .object({ articles: z.array(z.string()), circumstances: z.array(z.string()), effect: z.string(), fromTier: tierRef, toTier: tierRef.optional() })
    .optional(),
  reductionGrounds: z.array(z.string()),
  absoluteNoPenalty: z.boolean(),
  missingFacts: z.array(z.string()),
  explanation: z.string(),
});

const groundOrigin = z.enum(['statute', 'list']);

/** Whether the party may or must go unpunished (exemption.ts `ExemptionAssessment`). */
export const exemptionAssessmentView = z.object({
  /** noPenalty: must not be penalised; mayWaive: may be waived; none: no ground established. */
  outcome: z.enum(['noPenalty', 'mayWaive', 'none']),
  grounds: z.array(
    z.object({ origin: groundOrigin, article: z.string(), text: z.string(), mandatory: z.boolean(), itemId: z.string().optional(), commitmentRequired: z.boolean().optional() }),
  ),
  pending: z.array(z.object({ origin: groundOrigin, article: z.string(), text: z.string(), itemId: z.string().optional(), unresolved: z.array(z.string()) })),
  lighter: z.array(z.string()),
  educationRequired: z.boolean(),
  commitmentRequired: z.boolean(),
  explanation: z.string(),
});

/** POST /api/cases/:id/discretion/assess: what the benchmark says about a case (the case is not changed). */
export const discretionPreview = z.object({
  caseId: z.number(),
  on: isoDay,
  violation: z.string().nullable(),
  benchmark: z.object({ versionId: z.number(), versionName: z.string(), itemId: z.number(), citation: z.string() }).nullable(),
  note: z.string().nullable(),
  facts: CaseFactsSchema.nullable(),
  priorPenalties: z.array(z.object({ caseId: z.number(), decisionNumber: z.string().nullable(), decidedOn: isoDay })),
  assessment: penaltyAssessmentView.nullable(),
  /** The check of `fineFen` when given: accepted (maybe needing legal review) or refused with the reason. */
  proposal: z
    .object({ accepted: z.boolean(), withinRange: z.boolean().nullable(), requiresLegalReview: z.boolean(), message: z.string(), article: z.string().nullable() })
    .nullable(),
  exemption: exemptionAssessmentView.nullable(),
  /**
   * The power-list item's 法定处罚幅度 for this party (statutory-limit.ts): the range in 元 (null when the text cannot
   * be read — then `warnings` say so) and, when `fineFen` is given, whether that fine is lawful (`accepted`).
   */
  statutory: z
    .object({
      text: z.string(),
      range: yuanRange.nullable(),
      status: z.enum(['within', 'reduced', 'unchecked', 'noFine']).nullable(),
      accepted: z.boolean().nullable(),
      message: z.string().nullable(),
      warnings: z.array(z.string()),
    })
    .nullable(),
  similarCases: z.array(similarCase),
});
export type DiscretionPreview = z.infer<typeof discretionPreview>;
