/**
 * The local parameters of the work-order ledger per organization (签收期限, 办理期限 by kind, 重新办理次数上限):
 * stored as each organization's own patch, resolved down the tree with their defaults and sources
 * (domain/workorders/settings.ts), cached per database like the case settings (db/reference-cache.ts) and forgotten
 * when a change commits. Setting them is audited (`workOrder.settings`).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { workOrderPolicy } from '../../domain/workorders/policy.ts';
import type { WorkOrderSettings } from '../../domain/workorders/periods.ts';
import { resolveWorkOrderSettings, type WorkOrderParameter, type WorkOrderSettingsPatch, workOrderSettingsPatch } from '../../domain/workorders/settings.ts';
import type { Executor } from '../../db/connect.ts';
import { cachedReference, forgetReferences } from '../../db/reference-cache.ts';
import { organizations, workOrderSettings } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';

const CACHE = 'workOrderSettings:';

export interface WorkOrderSettingsAnswer {
  organizationId: number;
  effective: WorkOrderSettings;
  own: WorkOrderSettingsPatch;
  parameters: WorkOrderParameter[];
}

async function layersOf(db: Executor, path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  const rows = await db
    .select({ organizationId: workOrderSettings.organizationId, organizationName: organizations.name, patch: workOrderSettings.settings })
    .from(workOrderSettings)
    .innerJoin(organizations, eq(organizations.id, workOrderSettings.organizationId))
    .where(inArray(workOrderSettings.organizationId, ids));
  // Root first: the organization nearest the one asked about wins.
  return ids.flatMap((id) => rows.filter((r) => r.organizationId === id).map((r) => ({ ...r, patch: r.patch as WorkOrderSettingsPatch })));
}

/**
 * The parameters in force for the organization at `path` (an order's receiving organization). `root` is the service's
 * database (the cache key), `db` what to read with (the caller's transaction).
 */
export async function workOrderSettingsFor(root: Executor, db: Executor, path: string): Promise<WorkOrderSettings> {
  return resolveWorkOrderSettings(await cachedReference(root, `${CACHE}${path}`, () => layersOf(db, path), db)).settings;
}

/** The parameters in force for an organization, where each comes from, and its own settings. */
export async function getWorkOrderSettings(ctx: ServiceContext, actor: Actor, organizationId: number): Promise<WorkOrderSettingsAnswer> {
  const org = await getOrganization(ctx, actor, organizationId);
  const layers = await layersOf(ctx.db, org.path);
  const { settings, parameters } = resolveWorkOrderSettings(layers);
  return { organizationId: org.id, effective: settings, own: layers.find((l) => l.organizationId === org.id)?.patch ?? {}, parameters };
}

/** Replaces an organization's own parameters (admins and heads); absent fields are inherited or the default. */
export async function setWorkOrderSettings(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown): Promise<WorkOrderSettingsAnswer> {
  assertMay(actor, workOrderPolicy.editSettings);
  const patch = parseInput(workOrderSettingsPatch, raw);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const org = await getOrganization({ db: tx }, actor, organizationId);
    const [before] = await tx.select().from(workOrderSettings).where(eq(workOrderSettings.organizationId, org.id));
    const values = { organizationId: org.id, settings: patch, updatedBy: actor.userId || null, updatedAt: now };
    await tx.insert(workOrderSettings).values(values).onConflictDoUpdate({ target: workOrderSettings.organizationId, set: values });
    await appendAudit(
      tx,
      actor,
      { action: 'workOrder.settings', subjectType: 'organization', subjectId: org.id, organizationId: org.id, change: { from: (before?.settings as WorkOrderSettingsPatch | undefined) ?? {}, to: patch } },
      now,
    );
  });
  // The organizations below inherit the change: every cached copy of this database is read again.
  forgetReferences(ctx.db, CACHE);
  return getWorkOrderSettings(ctx, actor, organizationId);
}
