/**
 * The orphan sweep: removes stored files no database record points to (evidence items, generated documents, work-order attachments) and
 * temporary files left by an upload that never finished — but only those older than the grace period, so a file
 * being uploaded, or staged by a transaction that has not committed yet, is never touched. A committed file is
 * renamed into place with the age of its upload (file-store.ts `commit`), so a file the sweep sees as old and
 * unreferenced has had no record for the whole grace period. Run at server start, then daily (cli/commands/serve.ts),
 * and by `fazhi files sweep [--dry-run]`.
 */
import { sql } from 'drizzle-orm';
import { caseEvidence, cases, generatedDocuments, indicatorEntries, patrolProblems, reportDrafts, workOrderAttachments } from '../db/schema.ts';
import type { ServiceContext } from './context.ts';
import type { StoredFileEntry } from './file-store.ts';

/** Files younger than this are never removed: an upload in progress or a transaction not yet committed. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
/** How often the server sweeps (after once at start). */
export const SWEEP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface SweepResult {
  /** Removed (or, on a dry run, to be removed). */
  removed: StoredFileEntry[];
  /** Files kept: referenced, or younger than the grace period. */
  kept: number;
  dryRun: boolean;
}

export async function sweepOrphanFiles(ctx: ServiceContext, options: { dryRun?: boolean; graceMs?: number } = {}): Promise<SweepResult> {
  const dryRun = options.dryRun ?? false;
  const files = ctx.files;
  if (!files) return { removed: [], kept: 0, dryRun };
  const olderThan = new Date(ctx.clock().getTime() - (options.graceMs ?? ORPHAN_GRACE_MS));
  // Listed first, references read after: a file whose record commits in between is young (see above), so kept.
  const entries = await files.list();
  const referenced = new Set<string>();
  for (const row of await ctx.db.selectDistinct({ digest: caseEvidence.digest }).from(caseEvidence)) referenced.add(row.digest);
  for (const row of await ctx.db.selectDistinct({ digest: generatedDocuments.digest }).from(generatedDocuments)) referenced.add(row.digest);
  for (const row of await ctx.db.selectDistinct({ digest: workOrderAttachments.digest }).from(workOrderAttachments)) referenced.add(row.digest);
  for (const row of await ctx.db.selectDistinct({ digest: indicatorEntries.attachmentDigest }).from(indicatorEntries)) if (row.digest) referenced.add(row.digest);
  // A published annual report's frozen .docx and PDF.
  for (const row of await ctx.db.select({ docx: reportDrafts.docxDigest, pdf: reportDrafts.pdfDigest }).from(reportDrafts)) {
    if (row.docx) referenced.add(row.docx);
    if (row.pdf) referenced.add(row.pdf);
  }
  // The party's signatures drawn on the screen (case record `partySignatures`, services/cases/party-signature.ts).
  const signed = await ctx.db
    .select({ signatures: sql<{ digest: string }[]>`${cases.record}->'partySignatures'` })
    .from(cases)
    .where(sql`${cases.record}->'partySignatures' is not null`);
  for (const row of signed) for (const s of row.signatures ?? []) referenced.add(s.digest);
  // Photos of problems found on patrol (services/inspections/patrols.ts): kept in the problem's record.
  const photographed = await ctx.db.select({ photos: sql<{ digest: string }[]>`${patrolProblems.record}->'photos'` }).from(patrolProblems);
  for (const row of photographed) for (const p of row.photos ?? []) referenced.add(p.digest);
  const removed: StoredFileEntry[] = [];
  let kept = 0;
  for (const entry of entries) {
    const orphan = entry.digest === null || !referenced.has(entry.digest);
    if (!orphan || entry.modifiedAt >= olderThan) {
      kept++;
    } else if (dryRun || (await files.remove(entry.key, olderThan))) {
      removed.push(entry);
    } else {
      kept++;
    }
  }
  return { removed, kept, dryRun };
}
