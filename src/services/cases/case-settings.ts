import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { type CaseSettingsPatch, caseSettingsPatch } from '../../domain/cases/settings.ts';
import type { CaseSettingsAnswer } from '../../domain/cases/views.ts';
import { caseSettings } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { SETTINGS_CACHE, settingsFor } from './case-store.ts';
import { forgetReferences } from '../../db/reference-cache.ts';

/** The parameters in force for an organization (defaults and inherited values applied) and its own patch. */
export async function getCaseSettings(ctx: ServiceContext, actor: Actor, organizationId: number): Promise<CaseSettingsAnswer> {
  const org = await getOrganization(ctx, actor, organizationId);
  const [own] = await ctx.db.select().from(caseSettings).where(eq(caseSettings.organizationId, org.id));
  return { effective: (await settingsFor(ctx.db, org)).settings, own: (own?.settings as CaseSettingsPatch | undefined) ?? {} };
}

/** Replaces an organization's own parameters (admins). Unset fields are inherited. */
export async function setCaseSettings(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown) {
  assertMay(actor, casePolicy.editCaseSettings);
  const patch = parseInput(caseSettingsPatch, raw);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const org = await getOrganization({ db: tx }, actor, organizationId);
    const [before] = await tx.select().from(caseSettings).where(eq(caseSettings.organizationId, org.id));
    const values = { organizationId: org.id, settings: patch, updatedBy: actor.userId || null, updatedAt: now };
    await tx.insert(caseSettings).values(values).onConflictDoUpdate({ target: caseSettings.organizationId, set: values });
    await appendAudit(
      tx,
      actor,
      { action: 'case.settings', subjectType: 'organization', subjectId: org.id, organizationId: org.id, change: { from: (before?.settings as CaseSettingsPatch | undefined) ?? {}, to: patch } },
      now,
    );
  });
  // Every organization below may inherit the change: all cached settings of this database are read again.
  forgetReferences(ctx.db, SETTINGS_CACHE);
  return getCaseSettings(ctx, actor, organizationId);
}
