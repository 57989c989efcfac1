/**
 * Publicity of decisions (《行政处罚法》第四十八条, 国办发〔2018〕118号): a decision that must be published gets a
 * masked publicity record due in 7 working days; publishing it meets the deadline; revocation or change
 * withdraws it (due in 3 working days — done at once here). Public reads see only masked content. A record about a
 * natural person comes down when the local publicity period (CaseSettings.personPublicityMonths) has run.
 */
import { and, count, desc, eq, gt, isNull, like, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { Publication, PublicDecision, PublicDecisionContent, PublicDecisionPage } from '../../domain/cases/views.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { type DecisionStatus, decisionStatuses, type Penalty, procedures, type Procedure } from '../../domain/cases/model.ts';
import { countedDeadlineFor, deadlineFor } from '../../domain/cases/rules.ts';
import type { CaseSettings } from '../../domain/cases/settings.ts';
import { decidedCaseTitle } from '../../domain/cases/registration.ts';
import type { CaseFlags } from '../../domain/cases/snapshot.ts';
import { notFound, ruleViolation } from '../../domain/errors.ts';
import { maskAddress, maskHouseNumbers, maskParty, maskPersonName, redactText } from '../../domain/masking.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { casePublicity } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { type CaseRow, loadCase, meetDeadlines, type PartyRow, setDeadline, settingsFor, todayOf } from './case-store.ts';

export type { PublicDecisionContent } from '../../domain/cases/views.ts';

/**
 * Removes the party's own name (and identity numbers, phones) from free text before it is published; for a natural
 * person also the house, building and room numbers of addresses (maskHouseNumbers): the text names their home.
 */
export function scrubText(text: string, party: Pick<PartyRow, 'kind' | 'name' | 'legalRepresentative'>): string {
  let out = redactText(text);
  if (party.kind === 'person') {
    if (party.name) out = out.replaceAll(party.name, maskPersonName(party.name));
    out = maskHouseNumbers(out);
  }
  return out;
}

/**
 * Stored content as the portal shows it. Masking is applied again on reading (it is idempotent), so that records
 * published before a masking rule existed — house numbers came later — do not show what the rule now hides; likewise
 * the title without 涉嫌 (records published before that rule kept the registered 案由).
 */
export function onPortalContent(content: PublicDecisionContent): PublicDecisionContent {
  if (content.party.kind !== 'person') return { ...content, title: decidedCaseTitle(content.title) };
  return {
    ...content,
    title: maskHouseNumbers(decidedCaseTitle(content.title)),
    facts: maskHouseNumbers(content.facts),
    penalty: content.penalty === null ? null : maskHouseNumbers(content.penalty),
  };
}

/**
 * What the portal will show of a decision. `organizationName` is the deciding organ as the documents sign it
 * (`decidingOrgan`): a brigade enforces in its bureau's name.
 */
export function publicContent(
  row: Pick<CaseRow, 'actCode' | 'title' | 'facts' | 'place' | 'procedure'>,
  party: PartyRow,
  organizationName: string,
  decision: { number: string | null; on: IsoDate; penalty: Penalty | null; status: DecisionStatus },
  violation: string | null,
): PublicDecisionContent {
  const masked = maskParty(
    party.kind === 'person'
      ? { kind: 'person', name: party.name, idNumber: party.idNumber, phone: party.phone, address: party.address }
      : { kind: 'organization', name: party.name, creditCode: party.creditCode, legalRepresentative: party.legalRepresentative, phone: party.phone, address: party.address },
  );
  return {
    actCode: row.actCode,
    organizationName,
    decisionNumber: decision.number,
    decidedOn: decision.on,
    procedure: procedures[row.procedure as Procedure],
    party: {
      kind: masked.kind,
      name: masked.name,
      creditCode: masked.kind === 'organization' ? masked.creditCode : null,
      legalRepresentative: masked.kind === 'organization' ? masked.legalRepresentative : null,
    },
    title: scrubText(decidedCaseTitle(row.title), party),
    facts: scrubText(row.facts, party),
    // A natural person's place may be their home: cut to the district. An organization's is its business place.
    place: party.kind === 'person' ? maskAddress(row.place) : row.place,
    violation,
    basis: decision.penalty?.basis ?? null,
    penalty: decision.penalty ? scrubText(decision.penalty.description, party) : null,
    status: decision.status,
    statusLabel: decisionStatuses[decision.status],
  };
}

/** The organ a decision is made in the name of: the name its documents are signed with (documents/case-to-document.ts agencyOf). */
export const decidingOrgan = (organizationName: string, settings: Pick<CaseSettings, 'agencyName'>) => settings.agencyName ?? organizationName;

/** Whether this decision is published under the organization's publicity scope (第四十八条第一款). */
export function mustPublish(procedure: Procedure, settings: CaseSettings, flags: CaseFlags): boolean {
  switch (settings.publicityScope) {
    case 'allDecisions':
      return true;
    case 'ordinaryPenalties':
      return procedure === 'ordinary' || flags.socialImpact;
    case 'socialImpactOnly':
      return flags.socialImpact;
  }
}

/** Creates the pending publicity record and its 7-working-day deadline (in the decision's transaction). */
export async function createPublicity(
  tx: Transaction,
  row: Pick<CaseRow, 'id' | 'organizationId'>,
  content: PublicDecisionContent,
  decidedOn: IsoDate,
  calendar: WorkCalendar,
  settings: CaseSettings,
): Promise<void> {
  const due = countedDeadlineFor(calendar, settings, 'publicity', decidedOn);
  const dueOn = due.dueOn;
  await tx.insert(casePublicity).values({
    caseId: row.id,
    organizationId: row.organizationId,
    status: 'pending',
    dueOn,
    content,
    searchText: [content.title, content.party.name, content.decisionNumber, content.violation, content.organizationName, content.actCode].filter(Boolean).join(' '),
  });
  await setDeadline(tx, row, 'publicity', due);
}

/** On revocation or change: takes the record down at once and records the 3-working-day deadline as met. */
export async function withdrawPublicity(
  tx: Transaction,
  row: Pick<CaseRow, 'id' | 'organizationId'>,
  status: DecisionStatus,
  reason: string,
  on: IsoDate,
  now: Date,
  calendar: WorkCalendar,
  settings: CaseSettings,
): Promise<boolean> {
  const [pub] = await tx.select().from(casePublicity).where(eq(casePublicity.caseId, row.id));
  if (!pub || pub.status === 'withdrawn' || pub.status === 'cancelled') return false;
  const content = { ...(pub.content as PublicDecisionContent), status, statusLabel: decisionStatuses[status] };
  await tx
    .update(casePublicity)
    .set({ status: pub.status === 'published' ? 'withdrawn' : 'cancelled', withdrawnAt: now.toISOString(), withdrawReason: reason, content })
    .where(eq(casePublicity.id, pub.id));
  await meetDeadlines(tx, row.id, ['publicity'], { on, at: now });
  if (pub.status === 'published') {
    await setDeadline(tx, row, 'publicityWithdrawal', deadlineFor(calendar, settings, 'publicityWithdrawal', on));
    await meetDeadlines(tx, row.id, ['publicityWithdrawal'], { on, at: now });
  }
  return true;
}

/**
 * The day a record published on `publishedOn` comes down: for a natural person, after the local publicity period
 * (国办发〔2018〕118号: 执法决定信息的公开发布、撤销和更新机制); an organization's record stays until withdrawn.
 */
export function publicityExpiresOn(partyKind: 'person' | 'organization', publishedOn: IsoDate, settings: Pick<CaseSettings, 'personPublicityMonths'>): IsoDate | null {
  if (partyKind !== 'person' || settings.personPublicityMonths === null) return null;
  return addMonths(publishedOn, settings.personPublicityMonths);
}

/** Published and not yet expired on `today` — what the portal shows. */
function onPortal(today: IsoDate) {
  return and(eq(casePublicity.status, 'published'), or(isNull(casePublicity.expiresOn), gt(casePublicity.expiresOn, today)));
}

/** Publishes a pending decision on the portal (officers, heads, admins of the case's subtree). */
export async function publishDecision(ctx: ServiceContext, actor: Actor, caseId: number): Promise<Publication> {
  assertMay(actor, casePolicy.publishDecision);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row, org, party } = await loadCase(tx, actor, caseId);
    const [pub] = await tx.select().from(casePublicity).where(eq(casePublicity.caseId, row.id));
    if (!pub) throw notFound('该案件的公示信息');
    if (pub.status !== 'pending') throw ruleViolation(`公示信息当前状态为“${pub.status === 'published' ? '已公示' : '已撤回'}”，不能再次公示`, '《行政处罚法》第四十八条');
    const publishedAt = now.toISOString();
    const on = todayOf(ctx.clock);
    const expiresOn = publicityExpiresOn(party.kind as 'person' | 'organization', on, (await settingsFor(tx, org)).settings);
    await tx.update(casePublicity).set({ status: 'published', publishedAt, expiresOn }).where(eq(casePublicity.id, pub.id));
    await meetDeadlines(tx, row.id, ['publicity'], { on, at: now });
    await appendAudit(tx, actor, { action: 'case.publicity', subjectType: 'case', subjectId: row.id, organizationId: row.organizationId, change: { publicity: 'published', expiresOn } }, now);
    return { status: 'published', publishedAt, expiresOn };
  });
}

export const publicSearchInput = z.object({
  q: z.string().trim().max(50, '关键词不超过 50 个字').optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

type PublicReader = Pick<ServiceContext, 'clock'> & { db: Executor };

/** Published decisions for the portal (masked content only, none expired), newest first, searchable by keyword. */
export async function listPublishedDecisions(ctx: PublicReader, raw: unknown): Promise<PublicDecisionPage> {
  const { db } = ctx;
  const input = parseInput(publicSearchInput, raw);
  const where = and(
    onPortal(todayOf(ctx.clock)),
    input.q ? like(casePublicity.searchText, `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const rows = await db
    .select({ id: casePublicity.id, content: casePublicity.content, publishedAt: casePublicity.publishedAt })
    .from(casePublicity)
    .where(where)
    .orderBy(desc(casePublicity.publishedAt), desc(casePublicity.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: count() }).from(casePublicity).where(where);
  return { total: Number(total?.n ?? 0), items: rows.map((r) => ({ id: r.id, publishedAt: r.publishedAt!, ...onPortalContent(r.content as PublicDecisionContent) })) };
}

export async function getPublishedDecision(ctx: PublicReader, id: number): Promise<PublicDecision> {
  const [row] = await ctx.db
    .select({ id: casePublicity.id, content: casePublicity.content, publishedAt: casePublicity.publishedAt })
    .from(casePublicity)
    .where(and(eq(casePublicity.id, id), onPortal(todayOf(ctx.clock))));
  if (!row) throw notFound('该公示信息');
  return { id: row.id, publishedAt: row.publishedAt!, ...onPortalContent(row.content as PublicDecisionContent) };
}

