/**
 * The read shape of a case (CaseView): everything a staff screen or a document renderer needs — parties,
 * facts, violation and legal basis, proposed and decided penalty, officers with certificate numbers, dates,
 * document numbers, act code, deadlines, payment and evidence. Not the timeline (the audit chain): it grows with the
 * case's age, so it is read apart, paged (case-timeline.ts, GET /api/cases/:id/timeline). Documented in docs/CASES.md. Staff view: the party's ID number and phone are included.
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { provisionalNote } from '../../domain/calendar/periods.ts';
import { type CaseAction, caseActionLabels } from '../../domain/cases/actions.ts';
import { correctionTargets } from '../../domain/cases/corrections.ts';
import {
  type CaseState,
  caseStates,
  type DeadlineKind,
  deadlineKinds,
  decisionKinds,
  decisionStatuses,
  type Procedure,
  procedures,
} from '../../domain/cases/model.ts';
import { fineInForceFen } from '../../domain/cases/record-rules.ts';
import { approvalPlaces } from '../../domain/cases/opinions.ts';
import { isMinorAtAct, lateFeeFen } from '../../domain/cases/rules.ts';
import type { CasePartyKind } from '../../domain/cases/model.ts';
import type { CaseRecord, GuardContext } from '../../domain/cases/snapshot.ts';
import { isProbed, stepsNotYet } from '../../domain/cases/step-readiness.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { statutoryFineRange } from '../../domain/discretion/statutory-limit.ts';
import { type CaseStepSubject, mayTakeStep } from '../../domain/cases/policy.ts';
import { transitions } from '../../domain/cases/workflow.ts';
import type { Executor } from '../../db/connect.ts';
import { caseDocuments, caseEvidence, casePublicity, cases, deadlines as deadlineTable, organizations, powerItems } from '../../db/schema.ts';
import { fromJsonRow, fromJsonRows, jsonRow } from '../../db/json-rows.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import {
  buildSnapshot,
  cachedSettingsFor,
  caseOfficerRows,
  type CaseRow,
  firstParty,
  officersOnCase,
  type Organization,
  type PartyRow,
  type SnapshotFacts,
  snapshotFactsOfViewedCase,
  snapshotOf,
  visibleCase,
} from './case-store.ts';

export type { CaseView, DeadlineView, EvidenceView } from '../../domain/cases/views.ts';
import type { CaseView, PublicDecisionContent } from '../../domain/cases/views.ts';
import { onPortalContent } from './publicity.ts';

/**
 * The case with everything its view shows, in one statement: the case and its organization, with its party, officers,
 * power-list item, documents, deadlines, evidence and publicity as JSON sub-selects — each bounded by what the case
 * is, not by how many steps it took (the trail is case-timeline.ts's). Placeholder `id`.
 */
function caseViewQuery(db: Executor) {
  return db
    .select({
      row: cases,
      org: organizations,
      party: firstParty,
      officers: caseOfficerRows,
      violation: sql<Json | null>`(select ${jsonRow(powerItems)} from ${powerItems} where ${powerItems.id} = ${cases.powerItemId})`,
      documents: sql<Json[] | null>`(select json_agg(${jsonRow(caseDocuments)} order by ${caseDocuments.id}) from ${caseDocuments} where ${caseDocuments.caseId} = ${cases.id})`,
      // 'case' as a literal, not a parameter: with only the id left, PostgreSQL keeps one generic plan of the statement
      // per connection instead of planning it for each request (issue 16).
      deadlines: sql<Json[] | null>`(select json_agg(${jsonRow(deadlineTable)} order by ${deadlineTable.dueOn}, ${deadlineTable.id}) from ${deadlineTable} where ${deadlineTable.subjectType} = 'case' and ${deadlineTable.subjectId} = ${cases.id})`,
      evidence: sql<Json[] | null>`(select json_agg(${jsonRow(caseEvidence)} order by ${caseEvidence.seq}) from ${caseEvidence} where ${caseEvidence.caseId} = ${cases.id})`,
      publicity: sql<Json | null>`(select ${jsonRow(casePublicity)} from ${casePublicity} where ${casePublicity.caseId} = ${cases.id})`,
      // What the guards see, for probing the offered steps (null for a case in a state no probed step leaves from).
      facts: snapshotFactsOfViewedCase(),
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('fazhi_case_view');
}

/**
 * The case view's statement prepared once per database (issue 16: building this query with drizzle was a sixth of a
 * case view's CPU time); on PostgreSQL each pooled connection also parses it once. A transaction builds its own.
 */
const preparedViews = new WeakMap<object, ReturnType<typeof caseViewQuery>>();

/** `db` may be a transaction (one connection). */
async function loadCaseView(db: Executor, actor: Actor, id: number) {
  const [found] = await preparedPerDatabase(preparedViews, db, caseViewQuery).execute({ id });
  const { row, org, party, ...rest } = visibleCase(actor, id, found);
  return {
    row,
    org,
    party,
    officers: officersOnCase(row.officerIds, rest.officers, row.record as CaseRecord),
    violation: rest.violation ? [fromJsonRow(powerItems, rest.violation)] : [],
    documents: fromJsonRows(caseDocuments, rest.documents),
    deadlines: fromJsonRows(deadlineTable, rest.deadlines),
    evidence: fromJsonRows(caseEvidence, rest.evidence),
    publicity: rest.publicity ? [fromJsonRow(casePublicity, rest.publicity)] : [],
    facts: rest.facts,
  };
}

type Json = Record<string, unknown>;

/**
 * The case as the actor sees it. `root` is the service's database when `ctx.db` is a transaction (the calendar is
 * cached per database, src/db/reference-cache.ts).
 */
export async function getCase(ctx: { db: Executor }, actor: Actor, id: number, now: Date, root: Executor = ctx.db): Promise<CaseView> {
  const { row, org, party, officers, violation, documents, deadlines, evidence, publicity, facts } = await loadCaseView(ctx.db, actor, id);
  const record = row.record as CaseRecord;
  const today = chinaDateOf(now);
  // Only open deadlines can be provisional (a year's arrangement not yet entered): the calendar is read for them.
  const calendar = deadlines.some((d) => d.metOn === null) ? await cachedWorkCalendar(root, ctx.db) : null;
  const item = violation[0];
  const state = row.state as CaseState;
  // A revoked decision owes nothing, a changed one the changed fine (fineInForceFen, 《行政复议法》第六十三条、第六十四条).
  const decidedFine = record.decision?.penalty?.fineFen ?? 0;
  const fine = fineInForceFen(record.decision);
  const paid = record.payments.reduce((s, p) => s + p.amountFen, 0);
  const lastPaid = paid >= fine && record.payments.length ? record.payments.at(-1)!.on : today;
  const late = fine && row.paymentDueOn ? lateFeeFen(fine, row.paymentDueOn, lastPaid) : 0;
  const warnings: string[] = [];
  const snapshotParty = { kind: party.kind as CasePartyKind, birthDate: party.birthDate, identityKey: party.identityKey };
  if (isMinorAtAct(snapshotParty, { startedOn: row.actStartedOn, endedOn: row.actEndedOn })) {
    warnings.push('当事人实施违法行为时未满十八周岁，应当从轻或者减轻行政处罚（《行政处罚法》第三十条）');
  }
  if (decidedFine > 0 && paid > fine && record.decision?.status !== 'inForce') {
    warnings.push(`已缴 ${(paid / 100).toFixed(2)} 元，超过处罚决定${record.decision?.status === 'revoked' ? '撤销' : '变更'}后应缴的 ${(fine / 100).toFixed(2)} 元，多缴部分应当依法退还（《行政复议法》第七十二条第二款）`);
  }
  // 第三十一条第二句: the law permits, not requires, a lighter penalty — the deciding head must weigh it.
  if (record.discretionFacts?.limitedCapacity && snapshotParty.kind === 'person' && !record.discretionFacts.mentalIncapacity) {
    warnings.push('当事人为尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人，可以从轻或者减轻行政处罚（《行政处罚法》第三十一条）');
  }
  // 法定处罚幅度 that cannot be read: a proposed or decided fine was not compared with it (statutory-limit.ts).
  const finedPenalty = record.decision?.penalty ?? record.proposal?.penalty ?? null;
  if (item && (finedPenalty?.fineFen ?? 0) > 0 && snapshotParty.kind !== 'unknown') {
    const found = statutoryFineRange(item.statutoryRange, snapshotParty.kind, record.discretionFacts?.quantities);
    if (found.warning) warnings.push(`「${item.name}」：${found.warning}`);
  }
  const valid = officers.filter((o) => !o.recused && o.certificateValidUntil !== null && o.certificateValidUntil >= today);
  if (row.officerIds.length && valid.length < 2 && !['closed', 'archived', 'declined', 'withdrawn', 'transferred', 'terminated'].includes(state)) {
    warnings.push('本案有效执法人员不足两人，请调整承办人员（《行政处罚法》第四十二条）');
  }
  // Offered only when their guards pass today; the others are said with why and when (step-readiness.ts).
  const offered = availableActions(actor, { state, officers });
  const notYet = await stepsNotYetFor(ctx.db, root, { row, org, party }, offered, actor, today, calendar, facts);
  return {
    id: row.id,
    version: row.version,
    actCode: row.actCode,
    procedure: row.procedure as Procedure,
    procedureLabel: procedures[row.procedure as Procedure],
    state,
    stateLabel: caseStates[state],
    organization: { id: org.id, name: org.name },
    title: row.title,
    facts: row.facts,
    place: row.place,
    clueSource: row.clueSource,
    act: { startedOn: row.actStartedOn, endedOn: row.actEndedOn },
    harmsSafety: row.harmsSafety,
    discoveredOn: row.discoveredOn,
    registeredOn: row.registeredOn,
    filedOn: row.filedOn,
    lastActedOn: row.lastActedOn,
    party: {
      kind: party.kind as CasePartyKind,
      name: party.name,
      idNumber: party.idNumber,
      idType: party.idType,
      nationality: party.nationality,
      creditCode: party.creditCode,
      legalRepresentative: party.legalRepresentative,
      phone: party.phone,
      address: party.address,
      birthDate: party.birthDate,
      identityKey: party.identityKey,
    },
    violation: item
      ? { id: item.id, code: item.code, name: item.name, violatedProvision: item.violatedProvision, penaltyProvision: item.penaltyProvision, statutoryRange: item.statutoryRange }
      : null,
    officers,
    decision: record.decision
      ? {
          kind: record.decision.kind,
          kindLabel: decisionKinds[record.decision.kind],
          number: record.decision.number,
          decidedOn: record.decision.on,
          status: record.decision.status,
          statusLabel: decisionStatuses[record.decision.status],
        }
      : null,
    record,
    documents: documents.map((d) => ({ kind: d.kind, number: d.number, issuedOn: d.issuedOn })),
    deadlines: deadlines.map((d) => ({
      kind: d.kind as DeadlineKind,
      label: deadlineKinds[d.kind as DeadlineKind].label,
      article: d.article,
      dueOn: d.dueOn,
      metOn: d.metOn,
      metAt: d.metAt,
      overdue: d.metOn === null && today > d.dueOn,
      metLate: d.metLate,
      lateReason: d.lateReason,
      provisional: calendar && d.metOn === null ? provisionalNote(calendar, d.countedFrom ?? d.dueOn, d.dueOn) : null,
    })),
    payment: decidedFine ? { fineFen: fine, dueOn: row.paymentDueOn, paidFen: paid, lateFeeFen: late, owedFen: Math.max(0, fine + late - paid) } : null,
    publicity: publicity[0]
      ? {
          status: publicity[0].status,
          dueOn: publicity[0].dueOn,
          publishedAt: publicity[0].publishedAt,
          withdrawnAt: publicity[0].withdrawnAt,
          expiresOn: publicity[0].expiresOn,
          // What the portal shows (masked), for the officer to check before publishing.
          preview: onPortalContent(publicity[0].content as PublicDecisionContent),
        }
      : null,
    evidence: evidence.map((e) => ({ ...e, note: e.note ?? null })),
    warnings,
    // Who investigated, for the reviewer's place (第五十八条): the case's officers stand for them here; the step checks the audit trail.
    approval: approvalPlaces({ state, procedure: row.procedure as Procedure, officers, investigators: row.officerIds, record }, actor),
    availableActions: offered.filter((a) => !notYet.some((n) => n.action === a.action)),
    notYet: notYet.filter((n) => !n.nothingToDo).map(({ nothingToDo: _, ...n }) => n),
    corrections: correctionTargets({ record, procedure: row.procedure as Procedure }),
  };
}

/** The steps `actor` may take on the case now (the case policy); their legal guards run when a step is submitted. */
export function availableActions(actor: Actor, c: CaseStepSubject): { action: CaseAction; label: string }[] {
  return (Object.keys(transitions) as CaseAction[])
    .filter((a) => mayTakeStep(actor, a, c))
    .map((action) => ({ action, label: caseActionLabels[action] }));
}

/** The offered steps whose guards refuse them today (probed on the case's snapshot), with why and when. */
async function stepsNotYetFor(
  db: Executor,
  root: Executor,
  loaded: { row: CaseRow; org: Organization; party: PartyRow },
  offered: readonly { action: CaseAction; label: string }[],
  actor: Actor,
  today: IsoDate,
  known: WorkCalendar | null,
  facts: SnapshotFacts | null,
): Promise<{ action: CaseAction; label: string; reason: string; article: string | null; nothingToDo: boolean }[]> {
  const actions = offered.map((a) => a.action).filter(isProbed);
  if (!actions.length) return [];
  // The facts came with the view's statement when the case's state has probed steps; read apart otherwise (sequential
  // on purpose: `db` may be a transaction, i.e. one connection).
  const snapshot = facts ? snapshotOf(loaded.row, loaded.org, loaded.party, facts) : await buildSnapshot(db, loaded.row, loaded.org, loaded.party);
  // Reference data from the per-database cache (src/db/reference-cache.ts), as the step itself reads it.
  const { settings } = await cachedSettingsFor(root, db, loaded.org);
  const calendar = known ?? (await cachedWorkCalendar(root, db));
  const g: GuardContext = { actDate: today, today, actor: { userId: actor.userId, roles: actor.roles }, calendar, settings };
  return stepsNotYet(snapshot, actions, g).map((n) => ({ ...n, label: caseActionLabels[n.action] }));
}
