/**
 * Takes one step of the case workflow, in one transaction: claim the version → load the snapshot → check
 * the transition (state, role, order, every guard with its article) → apply its effects (record, columns,
 * deadlines, numbered documents, publicity) → audit record. Two officers acting on one case at once: the
 * second finds the version moved and gets CONFLICT (HTTP 409); nothing of it is written.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isSystem } from '../../domain/access.ts';
import { latestAdvanceDate } from '../../domain/calendar/periods.ts';
import { type CaseActionInput, caseActionInput } from '../../domain/cases/actions.ts';
import type { CaseState, Penalty } from '../../domain/cases/model.ts';
import { deadlineFor, paymentDueOn, lateFeeFen, periodsFor } from '../../domain/cases/rules.ts';
import type { CaseRecord, CaseSnapshot, GuardContext } from '../../domain/cases/snapshot.ts';
import { checkTransition, hearingRights } from '../../domain/cases/workflow.ts';
import { cashNotDeposited, cashNotHandedOver, onSpotRecord } from '../../domain/cases/cash-collection.ts';
import type { CaseFactsInput } from '../../domain/discretion/index.ts';
import { conflict, forbidden, validationError } from '../../domain/errors.ts';
import type { Transaction } from '../../db/connect.ts';
import { cases, organizations, powerItems, users } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import {
  buildSnapshot,
  type CaseRow,
  claimVersion,
  closeAllDeadlines,
  CONFLICT_MESSAGE,
  issueDocument,
  loadCase,
  loadOfficers,
  meetDeadlines,
  type Organization,
  type PartyRow,
  type ResolvedSettings,
  setDeadline,
  settingsFor,
  todayOf,
} from './case-store.ts';
import { applyCaseDiscretion } from '../discretion/case-discretion.ts';
import { type CaseView, getCase } from './get-case.ts';
import { recordForDocuments } from './record-effects.ts';
import { createPublicity, mustPublish, publicContent, withdrawPublicity } from './publicity.ts';

export const transitionRequest = z.object({ expectedVersion: z.number().int().positive('须提供案件版本号 expectedVersion') });

/** Applies `raw` = `{ expectedVersion, action, …payload }` to case `id`. */
export async function transitionCase(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<CaseView> {
  const { expectedVersion } = parseInput(transitionRequest, raw);
  const input = parseInput(caseActionInput, raw);
  const now = ctx.clock();
  const today = todayOf(ctx.clock);
  // Read before the transaction: PGlite is one connection, and loadWorkCalendar runs its queries in parallel.
  const calendar = await loadWorkCalendar(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const loaded = await loadCase(tx, actor, id);
    if (loaded.row.version !== expectedVersion) throw conflict(CONFLICT_MESSAGE, { id, expectedVersion, currentVersion: loaded.row.version });
    await claimVersion(tx, id, expectedVersion);
    const { row, org, party } = loaded;
    const resolved = await settingsFor(tx, org);
    const snapshot = await buildSnapshot(tx, row, org, party);
    if (input.action === 'file') snapshot.officers = await loadOfficers(tx, await checkOfficers(tx, org, input.officerIds), null);
    const g: GuardContext = { actDate: input.on ?? today, today, actor: { userId: actor.userId, roles: actor.roles }, calendar, settings: resolved.settings };
    const next = checkTransition(snapshot, input, g);
    const step: Step = { tx, actor, now, row, org, party, snapshot, g, resolved, record: structuredClone(snapshot.record), columns: {}, details: {} };
    await applyEffects(step, input, next);
    await recordForDocuments(step, input);
    await tx
      .update(cases)
      .set({ ...step.columns, state: next, record: step.record, lastActedOn: g.actDate, updatedAt: now })
      .where(eq(cases.id, id));
    const { on: _on, action, ...payload } = input;
    await appendAudit(
      tx,
      actor,
      {
        action: 'case.transition',
        subjectType: 'case',
        subjectId: id,
        organizationId: org.id,
        change: { action, from: row.state, to: next, on: g.actDate, version: expectedVersion + 1, ...payload, ...step.details },
      },
      now,
    );
    return getCase({ db: tx }, actor, id, now);
  });
}

export interface Step {
  tx: Transaction;
  actor: Actor;
  now: Date;
  row: CaseRow;
  org: Organization;
  party: PartyRow;
  snapshot: CaseSnapshot;
  g: GuardContext;
  resolved: ResolvedSettings;
  record: CaseRecord;
  columns: Partial<typeof cases.$inferInsert>;
  /** Computed facts added to the audit record (document numbers, deadlines). */
  details: Record<string, unknown>;
}

/** Officers named for a case: active users with the officer role in the case organization's subtree. */
async function checkOfficers(tx: Transaction, org: Organization, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({ id: users.id, roles: users.roles, active: users.active, path: organizations.path, name: users.displayName })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, unique));
  for (const id of unique) {
    const u = rows.find((r) => r.id === id);
    if (!u || !u.active || !u.path.startsWith(org.path)) throw validationError(`用户 ${id} 不是本单位（含下级单位）的在职人员`, { field: 'officerIds' });
    if (!u.roles.includes('officer')) throw validationError(`${u.name} 不是执法人员`, { field: 'officerIds' });
  }
  return unique;
}

/** A user the actor may see who holds one of `roles` (hearing presider, approving head). */
export async function checkUser(tx: Transaction, actor: Actor, id: number, roles: readonly string[], what: string): Promise<{ id: number; name: string }> {
  const [u] = await tx
    .select({ id: users.id, roles: users.roles, name: users.displayName, path: organizations.path, active: users.active })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  // The presider or approving head usually sits in the bureau above the brigade: visible to heads there.
  if (!u || !u.active || !(isSystem(actor) || u.path.startsWith(actor.organizationPath) || actor.organizationPath.startsWith(u.path))) {
    throw validationError(`未找到${what}（用户 ${id}）`);
  }
  if (!roles.some((r) => u.roles.includes(r))) throw validationError(`${u.name} 不能担任${what}`);
  return { id: u.id, name: u.name };
}

async function applyEffects(s: Step, input: CaseActionInput, next: CaseState): Promise<void> {
  const { tx, record, g, now, row } = s;
  const on = g.actDate;
  const deadline = (id: Parameters<typeof deadlineFor>[2], from = on) => deadlineFor(g.calendar, g.settings, id, from);
  switch (input.action) {
    case 'file': {
      record.filing = { on, opinion: input.opinion, approvedBy: s.actor.userId };
      s.columns.filedOn = on;
      s.columns.officerIds = [...new Set(input.officerIds)];
      const due = deadline('decision');
      await setDeadline(tx, row, 'decision', due);
      s.details.decisionDueOn = due;
      return;
    }
    case 'decline':
      record.decline = { on, reason: input.reason };
      return;
    case 'startInvestigation':
      record.investigation.startedOn = on;
      return;
    case 'closeInvestigation': {
      record.investigation.closedOn = on;
      record.investigation.findings = input.findings;
      const penalty = input.proposal.kind === 'penalty' && input.proposal.penalty ? await withBenchmark(s, input.proposal.penalty, input.discretionFacts, 'proposal') : null;
      record.proposal = penalty ? { ...input.proposal, penalty } : input.proposal;
      record.flags = input.flags;
      return;
    }
    case 'legalReview':
      record.legalReviews.push({ on, reviewerId: s.actor.userId, reviewerName: s.actor.displayName, passed: input.passed, opinion: input.opinion, checklist: input.checklist });
      return;
    case 'collectiveDiscussion':
      record.collectiveDiscussion = { on, participants: input.participants, conclusion: input.conclusion };
      return;
    case 'notify': {
      const reasons = hearingRights(s.snapshot, g);
      const offered = reasons.length > 0;
      const number = await issueDocument(tx, row.id, s.resolved, 'priorNotice', on);
      const statementEndsOn = deadline('statement');
      const hearingRequestEndsOn = offered ? deadline('hearingRequest') : null;
      record.notice = { servedOn: on, number, penalty: record.proposal!.penalty!, hearingOffered: offered, statementEndsOn, hearingRequestEndsOn };
      // The statement and hearing-request periods are the party's, not deadlines the agency can miss: they are
      // kept on the notice (and enforced by the decide guards), not in case_deadlines.
      s.details.notice = { number, hearingOffered: offered, hearingReasons: reasons, statementEndsOn, hearingRequestEndsOn };
      return;
    }
    case 'recordStatement':
      record.statement = { on, waived: input.waived, content: input.content, reply: input.reply };
      return;
    case 'revisePenalty': {
      const penalty = await withBenchmark(s, input.penalty, input.discretionFacts, 'proposal');
      record.penaltyRevisions.push({ on, from: record.proposal!.penalty!, to: penalty, reason: input.reason });
      record.proposal = { ...record.proposal!, penalty };
      return;
    }
    case 'requestHearing':
      record.hearing = { requestedOn: on, hearingOn: null, noticeServedOn: null, noticeNumber: null, presiderId: null, presiderName: null, place: null, heldOn: null, record: null };
      return;
    case 'scheduleHearing': {
      const presider = await checkUser(tx, s.actor, input.presiderId, ['head', 'reviewer'], '听证主持人');
      const noticeNumber = await issueDocument(tx, row.id, s.resolved, 'hearingNotice', on);
      record.hearing = { ...record.hearing!, hearingOn: input.hearingOn, noticeServedOn: on, noticeNumber, presiderId: presider.id, presiderName: presider.name, place: input.place };
      // The notice is served now; its latest lawful day is recorded with it (met at once).
      await setDeadline(tx, row, 'hearingNotice', latestAdvanceDate(g.calendar, input.hearingOn, periodsFor(g.settings).hearingNotice));
      await meetDeadlines(tx, row.id, ['hearingNotice'], { on, at: now });
      s.details.noticeNumber = noticeNumber;
      return;
    }
    case 'holdHearing':
      if (record.hearing!.presiderId !== s.actor.userId) throw forbidden(`听证由指定的主持人 ${record.hearing!.presiderName ?? ''} 主持并记录`);
      record.hearing = { ...record.hearing!, heldOn: on, record: input.record };
      return;
    case 'decide':
      return decide(s, next);
    case 'serve': {
      record.service = { on, method: input.method };
      await meetDeadlines(tx, row.id, ['service'], { on, at: now });
      const fine = record.decision?.penalty?.fineFen ?? 0;
      if (fine > 0) {
        const due = paymentDueOn(g.calendar, on, null);
        s.columns.paymentDueOn = due;
        await setDeadline(tx, row, 'payment', due);
        s.details.paymentDueOn = due;
      }
      return;
    }
    case 'recordPayment': {
      const onSpot = input.onSpot ? onSpotRecord(input.onSpot) : undefined;
      record.payments.push({ on, amountFen: input.amountFen, receiptNo: input.receiptNo, ...(onSpot ? { onSpot } : {}) });
      // 《行政处罚法》第七十一条: cash taken on the spot reaches the agency within 2 days (from coming ashore on water).
      if (onSpot && !onSpot.afloat) await setDeadline(tx, row, 'cashHandover', deadlineFor(g.calendar, g.settings, 'onSpotFineHandover', on));
      const fine = record.decision?.penalty?.fineFen ?? 0;
      const paid = record.payments.reduce((sum, p) => sum + p.amountFen, 0);
      const owed = fine + (row.paymentDueOn ? lateFeeFen(fine, row.paymentDueOn, on) : 0);
      if (paid > owed) throw validationError(`缴款合计超过应缴金额（罚款及加处罚款共 ${(owed / 100).toFixed(2)} 元）`);
      if (paid === owed) await meetDeadlines(tx, row.id, ['payment'], { on, at: now });
      s.details.owedAfterFen = owed - paid;
      return;
    }
    case 'handOverCash': {
      const pending = cashNotHandedOver({ record });
      const from = input.ashoreOn ?? pending.map((p) => p.on).sort().at(-1)!;
      const due = deadlineFor(g.calendar, g.settings, 'onSpotFineHandover', from);
      for (const p of pending) p.onSpot!.handedOver = { on, ashoreOn: input.ashoreOn ?? null, receivedBy: input.receivedBy };
      await meetDeadlines(tx, row.id, ['cashHandover'], { on, at: now });
      // 《行政处罚法》第七十一条: the agency pays it into the designated bank within 2 days.
      const depositDue = deadlineFor(g.calendar, g.settings, 'onSpotFineBankDeposit', on);
      await setDeadline(tx, row, 'cashDeposit', depositDue);
      s.details.handoverDueOn = due;
      s.details.handedOverLate = on > due;
      s.details.depositDueOn = depositDue;
      return;
    }
    case 'depositCash': {
      for (const p of cashNotDeposited({ record })) p.onSpot!.deposited = { on, bankReceiptNo: input.bankReceiptNo };
      await meetDeadlines(tx, row.id, ['cashDeposit'], { on, at: now });
      return;
    }
    case 'approveDeferral': {
      record.instalments = input.instalments;
      const due = paymentDueOn(g.calendar, record.service!.on, input.instalments);
      s.columns.paymentDueOn = due;
      await setDeadline(tx, row, 'payment', due);
      return;
    }
    case 'applyCourtEnforcement':
      record.courtEnforcement = { on, court: input.court };
      await meetDeadlines(tx, row.id, ['payment'], { on, at: now });
      return;
    case 'close':
      record.closing = { on, summary: input.summary };
      s.columns.closedOn = on;
      await closeAllDeadlines(tx, row.id, { on, at: now }, ['publicity', 'publicityWithdrawal']);
      return;
    case 'archive':
      record.archive = { on, archiveNo: input.archiveNo };
      return;
    case 'withdrawFiling':
    case 'terminate':
      record.sideExit = { action: input.action, on, reason: input.reason };
      await closeAllDeadlines(tx, row.id, { on, at: now });
      return;
    case 'transfer':
      record.sideExit = { action: 'transfer', on, reason: input.reason, target: input.target, receiver: input.receiver };
      await closeAllDeadlines(tx, row.id, { on, at: now });
      return;
    case 'suspend':
      s.columns.stateBeforeSuspension = s.snapshot.state;
      record.sideExit = { action: 'suspend', on, reason: input.reason };
      return;
    case 'resume':
      s.columns.stateBeforeSuspension = null;
      record.sideExit = null;
      return;
    case 'requestRecusal':
      record.recusals.push({ officerId: input.officerId, requestedOn: on, reason: input.reason, decidedOn: null, granted: null });
      return;
    case 'decideRecusal': {
      const pending = record.recusals.find((r) => r.officerId === input.officerId && r.granted === null)!;
      pending.decidedOn = on;
      pending.granted = input.granted;
      if (input.granted && input.replacementId !== null) {
        const [replacement] = await checkOfficers(tx, s.org, [input.replacementId]);
        if (!row.officerIds.includes(replacement!)) s.columns.officerIds = [...row.officerIds, replacement!];
      }
      return;
    }
    case 'extendDeadline': {
      const current = record.extensions.at(-1)?.to ?? (row.filedOn ? deadline('decision', row.filedOn) : on);
      if (input.newDueOn <= current) throw validationError(`延长后的期限应晚于当前期限 ${current}`);
      record.extensions.push({ on, from: current, to: input.newDueOn, reason: input.reason, approvedBy: s.actor.userId });
      await setDeadline(tx, row, 'decision', input.newDueOn);
      return;
    }
    case 'preserve': {
      const approver = await checkUser(tx, s.actor, input.approvedById, ['head'], '批准先行登记保存的负责人');
      record.preservations.push({ on, items: input.items, approvedById: approver.id, decidedOn: null, outcome: null });
      const due = deadline('registrationPreservation');
      await setDeadline(tx, row, 'preservation', due);
      s.details.preservationDueOn = due;
      return;
    }
    case 'decidePreservation': {
      const pending = record.preservations.find((p) => p.decidedOn === null)!;
      pending.decidedOn = on;
      pending.outcome = input.outcome;
      if (!record.preservations.some((p) => p.decidedOn === null)) await meetDeadlines(tx, row.id, ['preservation'], { on, at: now });
      return;
    }
    case 'recordInspection':
    case 'recordInquiry':
    case 'orderCorrection':
    case 'remindPayment':
      return; // records only: record-effects.ts
    case 'revokeDecision': {
      const decision = record.decision!;
      decision.status = input.status;
      decision.statusChange = { on, reason: input.reason };
      s.columns.decisionStatus = input.status;
      if (next === 'closed' && !record.closing) {
        record.closing = { on, summary: `处罚决定已${input.status === 'revoked' ? '撤销' : '变更'}：${input.reason}` };
        s.columns.closedOn = on;
      }
      s.details.publicityWithdrawn = await withdrawPublicity(tx, row, input.status, input.reason, on, now, g.calendar, g.settings);
      await closeAllDeadlines(tx, row.id, { on, at: now }, ['publicityWithdrawal']);
      return;
    }
  }
}

/**
 * The penalty with the discretion benchmark applied (《行政处罚法》第三十四条; services/discretion/case-discretion.ts):
 * tier, range and version recorded, a fine outside the range refused without a written reason. Unchanged when no
 * benchmark covers the violation.
 */
async function withBenchmark(s: Step, penalty: Penalty, facts: CaseFactsInput | undefined, stage: 'proposal' | 'decision'): Promise<Penalty> {
  const c = { caseId: s.row.id, organizationId: s.org.id, orgPath: s.org.path, party: s.party, powerItemId: s.row.powerItemId, actStartedOn: s.row.actStartedOn };
  const applied = await applyCaseDiscretion(s.tx, c, s.g.actDate, penalty, facts, stage);
  if (!applied) return penalty;
  s.details.discretion = applied.details;
  return applied.penalty;
}

/** 作出决定: numbers the decision, records it, sets the service deadline, and creates the publicity record. */
async function decide(s: Step, next: CaseState): Promise<void> {
  const { tx, record, g, row, now } = s;
  const on = g.actDate;
  const proposal = record.proposal!;
  const kind = proposal.kind;
  const number =
    kind === 'penalty'
      ? await issueDocument(tx, row.id, s.resolved, 'penaltyDecision', on)
      : kind === 'noPenalty'
        ? await issueDocument(tx, row.id, s.resolved, 'noPenaltyDecision', on)
        : null;
  // The decision records tier, range and version of the benchmark in force on the decision date.
  const penalty = kind === 'penalty' && proposal.penalty ? await withBenchmark(s, proposal.penalty, undefined, 'decision') : null;
  record.decision = {
    kind,
    on,
    number,
    penalty,
    ground: proposal.ground,
    education: proposal.education,
    transferReason: proposal.transferReason,
    status: 'inForce',
    statusChange: null,
  };
  s.columns.decisionKind = kind;
  s.columns.decisionNumber = number;
  s.columns.decidedOn = on;
  s.columns.decisionStatus = 'inForce';
  s.columns.fineFen = penalty?.fineFen ?? null;
  s.details.decisionNumber = number;
  await meetDeadlines(tx, row.id, ['decision'], { on, at: now });
  if (next === 'transferred') {
    record.sideExit = { action: 'transferJudicial', on, reason: proposal.transferReason ?? '', target: 'judicial' };
    await closeAllDeadlines(tx, row.id, { on, at: now });
    return;
  }
  // 《行政处罚法》第六十一条: served within 7 (working) days when the party is not present.
  const serviceDue = deadlineFor(g.calendar, g.settings, 'service', on);
  await setDeadline(tx, row, 'service', serviceDue);
  s.details.serviceDueOn = serviceDue;
  if (kind === 'penalty' && mustPublish(s.snapshot.procedure, g.settings, record.flags)) {
    const [item] = row.powerItemId ? await tx.select({ name: powerItems.name }).from(powerItems).where(and(eq(powerItems.id, row.powerItemId))) : [];
    const content = publicContent(row, s.party, s.org.name, { number, on, penalty, status: 'inForce' }, item?.name ?? null);
    await createPublicity(tx, row, content, on, g.calendar, g.settings);
    s.details.publicityDue = true;
  }
}

