/**
 * Shapes of the server's answers for power lists, benchmarks, case settings and report analysis
 * (src/server/routes/{cases,discretion,reports}.ts), mirrored here because the web layer talks HTTP only.
 */

/** GET /api/organizations/:id/power-items */
export interface PowerItem {
  id: number;
  organizationId: number;
  code: string;
  name: string;
  violatedProvision: string;
  penaltyProvision: string;
  statutoryRange: string;
  category: string;
  delegatedFromId: number | null;
  active: boolean;
  inherited: boolean;
  organizationName: string;
  delegatedFromName: string | null;
  caseCount: number;
}

export type VersionKind = 'benchmark' | 'exemption';

interface VersionFields {
  id: number;
  kind: VersionKind;
  kindLabel: string;
  name: string;
  issuer: string | null;
  documentNumber: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  publishedOn: string;
  inForce: boolean;
  ruleCount: number;
  itemCount: number;
}

/** GET /api/benchmarks */
export interface BenchmarkVersion extends VersionFields {
  organization: { id: number; name: string } | null;
  rejectedCount: number;
}

/** GET /api/benchmarks/:id/items, and the items of GET /api/public/benchmarks */
export interface BenchmarkItemSummary {
  id: number;
  itemKey: string;
  code: string;
  name: string;
  category: string;
  penaltyProvision: string;
  statutoryRange: string;
  partyKind: string;
  tierCount: number;
}

/** GET /api/benchmark-items/:id and /api/public/benchmarks/items/:id */
export interface BenchmarkItemDetail {
  id: number;
  version: { id: number; name: string; effectiveFrom: string; publishedOn: string };
  citation: string;
  code: string;
  name: string;
  category: string;
  regulation: string;
  violatedProvision: string;
  penaltyProvision: string;
  statutoryRange: string;
  partyKind: string;
  source: { title: string; name: string; url: string };
  tiers: { code: string; name: string; conditionText: string; standard: string; note: string }[];
}

export interface Rejection {
  row: number;
  reason: string;
}

/** POST /api/benchmarks/import (201) */
export interface ImportReport {
  versionId: number;
  kind: VersionKind;
  name: string;
  organizationId: number | null;
  effectiveFrom: string;
  publishedOn: string;
  format: 'csv' | 'xlsx';
  rows: number;
  imported: number;
  items: number;
  rejected: Rejection[];
}

/** GET /api/public/benchmarks */
export interface PublicBenchmarks {
  versions: (VersionFields & { organizationName: string | null; items: BenchmarkItemSummary[] })[];
}

export interface PublicExemptionItem {
  id: number;
  code: string;
  matter: string;
  basis: string;
  type: string;
  conditionText: string;
  commitmentRequired: boolean;
  source: string;
}

/** GET /api/public/exemptions */
export interface PublicExemptions {
  lists: (VersionFields & { organizationName: string | null; items: PublicExemptionItem[] })[];
}

/** GET /api/organizations/:id/case-settings: values in force, and what this organization sets itself. */
export interface CaseSettingsAnswer {
  effective: Record<string, unknown>;
  own: Record<string, unknown>;
}

export interface IndicatorFound {
  key: string;
  value: number;
  unit: string;
  approx: boolean;
  text: string;
  start: number;
}

/** One element of POST /api/reports/analyze: an analysis, or why the file could not be read. */
export type ReportOutcome =
  | {
      file: string;
      title: string | null;
      organization: string | null;
      year: number | null;
      date: string | null;
      sections: Record<string, boolean>;
      missingSections: string[];
      indicators: IndicatorFound[];
    }
  | { file: string; error: { code: string; message: string } };

/** POST /api/power-items/import (201) */
export interface PowerListImport {
  organizationId: number;
  fileName: string;
  rows: number;
  imported: { id: number; code: string }[];
  rejected: Rejection[];
}
