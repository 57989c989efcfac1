/**
 * Shared persistence of the case engine: loading a case the actor may see, its snapshot for the rules,
 * the optimistic version claim, gapless numbers, deadlines and settings. Used by the case use cases only.
 */
import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Actor, isSystem } from '../../domain/access.ts';
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { CountedDeadline } from '../../domain/calendar/periods.ts';
import { buildActCode, formatDocumentNumber } from '../../domain/cases/codes.ts';
import { type CaseState, type DeadlineKind, deadlineKinds, type CasePartyKind, type Procedure } from '../../domain/cases/model.ts';
import { type CaseSettings, type CaseSettingsPatch, type NumberKind, resolveCaseSettings } from '../../domain/cases/settings.ts';
import type { CaseRecord, CaseSnapshot, OfficerOnCase } from '../../domain/cases/snapshot.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Database, Executor, Transaction } from '../../db/connect.ts';
import { nextFromBlock } from '../../db/number-blocks.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import { auditRecords, caseDocuments, caseEvidence, caseParties, casePublicity, cases, caseSettings, generatedDocuments, numberCounters, organizations, powerItems, users } from '../../db/schema.ts';
import { transitions } from '../../domain/cases/workflow.ts';
import type { CaseAction } from '../../domain/cases/actions.ts';
import { isProbed } from '../../domain/cases/step-readiness.ts';
import { fromJsonRow, jsonRow } from '../../db/json-rows.ts';
import { cachedReference } from '../../db/reference-cache.ts';
import { chainOf } from '../audit-trail.ts';
import * as deadlineStore from '../deadlines/deadline-store.ts';
import type { DeadlineMet } from '../deadlines/deadline-store.ts';

export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof caseParties.$inferSelect;
export type Organization = typeof organizations.$inferSelect;

export const CONFLICT_MESSAGE = '该案件已被他人更新，请刷新后重试';

/** The actor's view of a case, or NOT_FOUND (also for cases outside the actor's subtree). One statement. */
export async function loadCase(db: Executor, actor: Actor, id: number): Promise<{ row: CaseRow; org: Organization; party: PartyRow }> {
  const [found] = await preparedPerDatabase(loadedCases, db, loadCaseQuery).execute({ id });
  return visibleCase(actor, id, found);
}

/**
 * A case with its organization and first party, placeholder `id`; named, so PostgreSQL parses and plans it once per
 * connection also inside a step's transaction (issue 16: planning it was ~0.9 ms of every step's database time).
 */
function loadCaseQuery(db: Executor) {
  return db
    .select({ row: cases, org: organizations, party: firstParty })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('fazhi_case_load');
}

const loadedCases = new WeakMap<object, ReturnType<typeof loadCaseQuery>>();

/** The case's first party (the one registered with the clue), as a JSON sub-select of a query on `cases`. */
export const firstParty = sql<Record<string, unknown> | null>`(select ${jsonRow(caseParties)} from ${caseParties} where ${caseParties.caseId} = ${cases.id} order by ${caseParties.id} limit 1)`;

/** NOT_FOUND unless the actor may see the case; the party decoded. */
export function visibleCase<T extends { row: CaseRow; org: Organization; party: Record<string, unknown> | null }>(
  actor: Actor,
  id: number,
  found: T | undefined,
): Omit<T, 'party'> & { party: PartyRow } {
  if (!found) throw notFound('该案件', { id });
  assertCaseVisible(actor, id, found.org.path);
  if (!found.party) throw new Error(`case ${id} has no party`);
  return { ...found, party: fromJsonRow(caseParties, found.party) };
}

/**
 * The rule of every read of a case: NOT_FOUND unless the case exists (`path`: its organization's) and lies within the
 * actor's organization subtree — so a case elsewhere is not told apart from no case.
 */
export function assertCaseVisible(actor: Actor, id: number, path: string | undefined): void {
  if (path === undefined || !(isSystem(actor) || path.startsWith(actor.organizationPath))) throw notFound('该案件', { id });
}

export async function findCaseIdByCode(db: Executor, actor: Actor, code: string): Promise<number> {
  const [row] = await db
    .select({ id: cases.id, path: organizations.path })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.actCode, code.trim().toUpperCase()));
  if (!row || !(isSystem(actor) || row.path.startsWith(actor.organizationPath))) throw notFound(`行政行为码为 ${code} 的案件`);
  return row.id;
}

/**
 * Claims the case for this transaction: bumps its version only if it is still `expected`. Done first, so a
 * concurrent writer of the same case waits on this row and then finds the version moved (→ CONFLICT) before
 * it has written anything else.
 */
export async function claimVersion(tx: Transaction, id: number, expected: number): Promise<number> {
  const [row] = await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, sql.placeholder('id')), eq(cases.version, sql.placeholder('expected'))))
    .returning({ version: cases.version })
    // Named like the load (parsed and planned once per connection).
    .prepare('fazhi_case_claim')
    .execute({ id, expected });
  if (!row) throw conflict(CONFLICT_MESSAGE, { id, expectedVersion: expected });
  return row.version;
}

/** Officers of the case with their certificates, recusals applied. */
export async function loadOfficers(db: Executor, officerIds: readonly number[], record: CaseRecord | null): Promise<OfficerOnCase[]> {
  if (!officerIds.length) return [];
  const rows = await db
    .select({ userId: users.id, displayName: users.displayName, certificateNo: users.certificateNo, certificateValidUntil: users.certificateValidUntil })
    .from(users)
    .where(inArray(users.id, [...officerIds]));
  return officersOnCase(officerIds, rows, record);
}

type OfficerRow = Omit<OfficerOnCase, 'recused'>;

/** The officers named by `cases.officer_ids`, as a JSON sub-select of a query on `cases` (for `officersOnCase`). */
export const caseOfficerRows = sql<OfficerRow[] | null>`(select json_agg(json_build_object('userId', ${users.id}, 'displayName', ${users.displayName}, 'certificateNo', ${users.certificateNo}, 'certificateValidUntil', ${users.certificateValidUntil}::text)) from ${users} where ${users.id} = any(${cases.officerIds}))`;

/** The officers in the case's order, recusals applied. */
export function officersOnCase(officerIds: readonly number[], rows: readonly OfficerRow[] | null, record: CaseRecord | null): OfficerOnCase[] {
  const recused = new Set((record?.recusals ?? []).filter((r) => r.granted === true).map((r) => r.officerId));
  return officerIds.flatMap((id) => {
    const u = rows?.find((r) => r.userId === id);
    return u ? [{ userId: u.userId, displayName: u.displayName, certificateNo: u.certificateNo, certificateValidUntil: u.certificateValidUntil, recused: recused.has(id) }] : [];
  });
}

/** The power-list item, and whether it is on the case organization's list (own, delegated, or a brigade acting for its bureau). */
export async function loadPowerItem(db: Executor, org: Organization, powerItemId: number | null): Promise<CaseSnapshot['powerItem']> {
  if (powerItemId === null) return null;
  const [item] = await db
    .select({ id: powerItems.id, name: powerItems.name, active: powerItems.active, orgId: powerItems.organizationId, orgPath: organizations.path })
    .from(powerItems)
    .innerJoin(organizations, eq(organizations.id, powerItems.organizationId))
    .where(eq(powerItems.id, powerItemId));
  if (!item) return null;
  return { id: item.id, name: item.name, onList: item.active && (item.orgId === org.id || inheritsList(org, item.orgPath)) };
}

/**
 * 执法大队/中队 enforce in the name of their bureau, so the bureau's list applies to them; a town team (乡镇街道) may
 * only use powers delegated to it (its own list).
 */
function inheritsList(org: Organization, listOwnerPath: string): boolean {
  return (org.kind === 'brigade' || org.kind === 'squadron') && org.path.startsWith(listOwnerPath);
}

/** In-force fines of the same party for the same violation in other cases (《行政处罚法》第二十九条). */
export async function loadPriorFines(db: Executor, caseId: number, identityKey: string, powerItemId: number | null): Promise<CaseSnapshot['priorFines']> {
  if (powerItemId === null) return [];
  const rows = await db
    .select({ caseId: cases.id, startedOn: cases.actStartedOn, endedOn: cases.actEndedOn, decisionNumber: cases.decisionNumber })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(
      and(
        ne(cases.id, caseId),
        eq(caseParties.identityKey, identityKey),
        eq(cases.powerItemId, powerItemId),
        eq(cases.decisionKind, 'penalty'),
        eq(cases.decisionStatus, 'inForce'),
        sql`${cases.fineFen} > 0`,
      ),
    );
  return rows.map((r) => ({ caseId: r.caseId, act: { startedOn: r.startedOn, endedOn: r.endedOn }, decisionNumber: r.decisionNumber }));
}

/** What the guards' snapshot reads besides the case row, as the JSON of `snapshotFactColumns`. */
export interface SnapshotFacts {
  officers: OfficerRow[] | null;
  powerItem: { id: number; name: string; active: boolean; orgId: number; orgPath: string } | null;
  priorFines: { caseId: number; startedOn: string; endedOn: string | null; decisionNumber: string | null }[] | null;
  investigators: (number | null)[] | null;
  publicity: string | null;
  evidenceCount: number;
  generated: string[] | null;
}

/**
 * The snapshot's facts as sub-selects of a query on `cases` joined with `organizations`: the officers, the power-list
 * item (and whose list it is on), prior fines of the party (`identityKey`) for the same violation, the investigators
 * from the case's audit chain (`chain`), the publicity status, the number of evidence items, the documents generated.
 */
function snapshotFactColumns(identityKey: SQL | SQL.Aliased | ReturnType<typeof sql.placeholder>, chain: SQL | ReturnType<typeof sql.placeholder>) {
  return {
    officers: caseOfficerRows,
    powerItem: sql<SnapshotFacts['powerItem']>`(select json_build_object('id', ${powerItems.id}, 'name', ${powerItems.name}, 'active', ${powerItems.active}, 'orgId', ${powerItems.organizationId}, 'orgPath', ${organizations.path}) from ${powerItems} inner join ${organizations} on ${organizations.id} = ${powerItems.organizationId} where ${powerItems.id} = ${cases.powerItemId})`,
    priorFines: sql<SnapshotFacts['priorFines']>`(select json_agg(json_build_object('caseId', p.id, 'startedOn', p.act_started_on::text, 'endedOn', p.act_ended_on::text, 'decisionNumber', p.decision_number)) from ${cases} p inner join ${caseParties} pp on pp.case_id = p.id where p.id <> ${cases.id} and pp.identity_key = ${identityKey} and p.power_item_id = ${cases.powerItemId} and p.decision_kind = 'penalty' and p.decision_status = 'inForce' and p.fine_fen > 0)`,
    investigators: sql<SnapshotFacts['investigators']>`(select json_agg(distinct ${auditRecords.actorId}) from ${auditRecords} where ${investigatorRecords(chain)})`,
    publicity: sql<string | null>`(select ${casePublicity.status} from ${casePublicity} where ${casePublicity.caseId} = ${cases.id})`,
    evidenceCount: sql<number>`(select count(*)::int from ${caseEvidence} where ${caseEvidence.caseId} = ${cases.id})`,
    generated: sql<string[] | null>`(select json_agg(distinct ${generatedDocuments.title}) from ${generatedDocuments} where ${generatedDocuments.caseId} = ${cases.id})`,
  };
}

/**
 * The snapshot's facts as one JSON column of the case view's statement (get-case.ts), read only for a case in a state
 * some probed step leaves from (PostgreSQL evaluates a CASE branch's sub-selects only when it is taken): the view
 * then probes its steps without a second statement. The party is the case's first, the chain the case's own.
 */
export function snapshotFactsOfViewedCase() {
  const f = snapshotFactColumns(
    sql`(select ${caseParties.identityKey} from ${caseParties} where ${caseParties.caseId} = ${cases.id} order by ${caseParties.id} limit 1)`,
    sql`'case:' || ${cases.id}`,
  );
  const states = [...new Set((Object.keys(transitions) as CaseAction[]).filter(isProbed).flatMap((a) => transitions[a].from))].sort();
  return sql<SnapshotFacts | null>`case when ${cases.state} in (${sql.join(
    states.map((s) => sql.raw(`'${s}'`)),
    sql`, `,
  )}) then json_build_object('officers', ${f.officers}, 'powerItem', ${f.powerItem}, 'priorFines', ${f.priorFines}, 'investigators', ${f.investigators}, 'publicity', ${f.publicity}, 'evidenceCount', ${f.evidenceCount}, 'generated', ${f.generated}) end`;
}

/**
 * The snapshot's one statement, with placeholders `id`, `identityKey` (the party's) and `chain` (the case's audit
 * chain); named, so PostgreSQL parses it once per connection (issue 16: it was parsed and planned on every step).
 */
function snapshotFactsQuery(db: Executor) {
  return (
    db
      .select(snapshotFactColumns(sql.placeholder('identityKey'), sql.placeholder('chain')))
      .from(cases)
      // Joined so drizzle names every column with its table (it leaves the names bare in a one-table query, and the
      // sub-selects above refer to the outer case by name).
      .innerJoin(organizations, eq(organizations.id, cases.organizationId))
      .where(eq(cases.id, sql.placeholder('id')))
      .prepare('fazhi_case_snapshot')
  );
}

/** The snapshot statement prepared once per database (drizzle builds it once); a transaction builds its own. */
const preparedSnapshots = new WeakMap<object, ReturnType<typeof snapshotFactsQuery>>();

/**
 * The snapshot the guards see, read in one statement: the officers, the power-list item (and whose list it is on),
 * prior fines of the party for the same violation, the investigators from the audit chain, the publicity status and
 * the number of evidence items, as sub-selects of one query (built once per database, src/db/prepared.ts).
 */
export async function buildSnapshot(db: Executor, row: CaseRow, org: Organization, party: PartyRow): Promise<CaseSnapshot> {
  const [facts] = await preparedPerDatabase(preparedSnapshots, db, snapshotFactsQuery).execute({ id: row.id, identityKey: party.identityKey, chain: chainOf('case', row.id) });
  if (!facts) throw notFound('该案件', { id: row.id });
  return snapshotOf(row, org, party, facts);
}

/** The snapshot from the case row, its organization and party, and the facts read with them. */
export function snapshotOf(row: CaseRow, org: Organization, party: PartyRow, facts: SnapshotFacts): CaseSnapshot {
  const record = row.record as CaseRecord;
  const item = facts.powerItem;
  const officers = officersOnCase(row.officerIds, facts.officers, record);
  const powerItem = item && { id: item.id, name: item.name, onList: item.active && (item.orgId === org.id || inheritsList(org, item.orgPath)) };
  const priorFines = (facts.priorFines ?? []).map((r) => ({ caseId: r.caseId, act: { startedOn: r.startedOn, endedOn: r.endedOn }, decisionNumber: r.decisionNumber }));
  const investigators = (facts.investigators ?? []).filter((id): id is number => id !== null);
  const publicity = facts.publicity === null ? undefined : { status: facts.publicity };
  const evidence = { n: facts.evidenceCount };
  const generated = (facts.generated ?? []).map((title) => ({ title }));
  return {
    procedure: row.procedure as Procedure,
    state: row.state as CaseState,
    stateBeforeSuspension: (row.stateBeforeSuspension as CaseState | null) ?? null,
    lastActedOn: row.lastActedOn,
    registeredOn: row.registeredOn,
    party: { kind: party.kind as CasePartyKind, birthDate: party.birthDate, identityKey: party.identityKey },
    act: { startedOn: row.actStartedOn, endedOn: row.actEndedOn },
    harmsSafety: row.harmsSafety,
    discoveredOn: row.discoveredOn,
    powerItem,
    officers,
    record,
    paymentDueOn: row.paymentDueOn,
    priorFines,
    investigators,
    publicity: (publicity?.status as CaseSnapshot['publicity'] | undefined) ?? null,
    evidenceCount: Number(evidence?.n ?? 0),
    generatedDocuments: generated.map((d) => d.title),
  };
}

/** Officer steps of the case workflow (`onSubjectOnly`): taking one is acting as an investigator of the case. */
const investigatingActions = Object.entries(transitions)
  .filter(([, t]) => t.onSubjectOnly)
  .map(([action]) => action);

/** The audit records of a case that make their actor an investigator: an officer step, or evidence added. */
function investigatorRecords(chain: SQL | ReturnType<typeof sql.placeholder>) {
  return and(
    eq(auditRecords.chain, chain),
    // Constants of the code as literals, not parameters: with the case's id (and the party's key) as its only
    // parameters a statement gets one generic plan per connection; with the actions as parameters PostgreSQL planned
    // the case view again on every request (issue 16).
    sql`(${auditRecords.action} = 'case.evidence' or (${auditRecords.action} = 'case.transition' and ${auditRecords.change}->>'action' in (${sql.raw(investigatingActions.map((a) => `'${a}'`).join(', '))})))`,
  );
}

// ——— Settings ———

export interface ResolvedSettings {
  settings: CaseSettings;
  /** The organization whose document series numbers this case (the nearest one that sets a 文号 prefix). */
  numberingOrgId: number;
  prefix: string;
}

export async function settingsFor(db: Executor, org: Organization): Promise<ResolvedSettings> {
  return resolveSettings(org, await settingRows(db, org));
}

/**
 * `settingsFor`, cached per database (src/db/reference-cache.ts; forgotten when settings change, setCaseSettings):
 * `root` is the service's database, `db` what to read with (the caller's transaction).
 */
export async function cachedSettingsFor(root: Executor, db: Executor, org: Organization): Promise<ResolvedSettings> {
  return resolveSettings(org, await cachedReference(root, `${SETTINGS_CACHE}${org.path}`, () => settingRows(db, org), db));
}

export const SETTINGS_CACHE = 'caseSettings:';

type SettingRow = { organizationId: number; settings: unknown };

/** The settings rows of the organization and its ancestors. */
async function settingRows(db: Executor, org: Organization): Promise<SettingRow[]> {
  const ids = org.path.split('/').filter(Boolean).map(Number);
  return db.select({ organizationId: caseSettings.organizationId, settings: caseSettings.settings }).from(caseSettings).where(inArray(caseSettings.organizationId, ids));
}

/**
 * The settings rows of an organization and its ancestors as a sub-select of a query that joins `organizations`
 * (for one-statement reads such as the public act-code lookup); resolve them with `resolveSettings`.
 */
export const settingRowsOfJoinedOrg = sql<SettingRow[] | null>`(select json_agg(json_build_object('organizationId', ${caseSettings.organizationId}, 'settings', ${caseSettings.settings})) from ${caseSettings} where ${organizations.path} like '%/' || ${caseSettings.organizationId} || '/%')`;

export function resolveSettings(org: Organization, rows: readonly SettingRow[]): ResolvedSettings {
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const patches = ids.flatMap((id) => rows.filter((r) => r.organizationId === id).map((r) => r.settings as CaseSettingsPatch));
  const settings = resolveCaseSettings(patches);
  const prefixOwner = [...ids].reverse().find((id) => (rows.find((r) => r.organizationId === id)?.settings as CaseSettingsPatch | undefined)?.documentPrefix);
  return {
    settings,
    numberingOrgId: prefixOwner ?? org.id,
    prefix: settings.documentPrefix ?? org.name,
  };
}

// ——— 行政行为码 ———

/**
 * A new 行政行为码 for a case of `org` registered in `year`: numbered per division and year (two organizations of one
 * district never collide), unique but not gapless — taken from a block this process reserved
 * (src/db/number-blocks.ts), so registrations of a district do not queue behind one counter row. Call it before the
 * registration's transaction (`db` is the service's database, not a transaction).
 */
export async function newActCode(db: Database, org: Organization, year: number, procedure: Procedure): Promise<string> {
  const division = (org.divisionCode ?? '000000').slice(0, 6);
  const seq = await nextFromBlock(db, 0, year, `actCode:${division}`);
  return buildActCode({ divisionCode: division, year, procedure, seq });
}

// ——— Gapless numbers ———

/**
 * The next number of a series. The counter row is created or incremented in one statement, which locks it
 * until the transaction ends: a rolled-back transaction gives its number back, so numbers have no gaps.
 */
export async function nextSeq(tx: Transaction, organizationId: number, year: number, kind: string): Promise<number> {
  const [row] = await tx
    .insert(numberCounters)
    .values({ organizationId, year, kind, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [numberCounters.organizationId, numberCounters.year, numberCounters.kind],
      set: { lastSeq: sql`${numberCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: numberCounters.lastSeq });
  return row!.lastSeq;
}

/** Issues a numbered document for the case (文号 per organization, year and kind). */
export async function issueDocument(tx: Transaction, caseId: number, resolved: ResolvedSettings, kind: NumberKind, on: IsoDate): Promise<string> {
  const year = Number(on.slice(0, 4));
  const seq = await nextSeq(tx, resolved.numberingOrgId, year, kind);
  const number = formatDocumentNumber(resolved.settings.numberPatterns[kind], { prefix: resolved.prefix, year, seq });
  await tx.insert(caseDocuments).values({ caseId, organizationId: resolved.numberingOrgId, kind, number, year, seq, issuedOn: on });
  return number;
}

// ——— Deadlines (the generic table, services/deadlines/deadline-store.ts; subject type 'case') ———

export type { DeadlineMet } from '../deadlines/deadline-store.ts';

/** Sets (or moves) the case's open deadline of `kind`; a met deadline of that kind stays as history. */
export async function setDeadline(tx: Transaction, row: Pick<CaseRow, 'id' | 'organizationId'> & { created?: boolean }, kind: DeadlineKind, due: IsoDate | CountedDeadline): Promise<void> {
  await deadlineStore.setDeadline(tx, { type: 'case', id: row.id, organizationId: row.organizationId, created: row.created ?? false }, kind, due, deadlineKinds[kind].article);
}

/**
 * A case's open deadline was counted again (a year's holiday arrangement entered, services/calendar.ts): the copies
 * of its date the case keeps move with it — the payment due date (late fees run from it, Art. 72) and the pending
 * publicity's due date.
 */
export async function caseDeadlineMoved(tx: Transaction, caseId: number, kind: string, dueOn: IsoDate): Promise<void> {
  if (kind === 'payment') await tx.update(cases).set({ paymentDueOn: dueOn }).where(eq(cases.id, caseId));
  if (kind === 'publicity') await tx.update(casePublicity).set({ dueOn }).where(and(eq(casePublicity.caseId, caseId), eq(casePublicity.status, 'pending')));
}

/**
 * Marks the case's open deadlines of these kinds met on `met.on` (the act's date), recorded at `met.at`; one due
 * before it is kept as met late, with `met.lateReason`. Steps use `meetStepDeadlines` (step.ts), which requires the
 * reason.
 */
export async function meetDeadlines(tx: Transaction, caseId: number, kinds: readonly DeadlineKind[], met: DeadlineMet): Promise<void> {
  await deadlineStore.meetDeadlines(tx, 'case', caseId, kinds, met);
}

/** The case's open deadlines of these kinds an act on `on` would meet after their due date. */
export async function lateDeadlines(tx: Transaction, caseId: number, kinds: readonly DeadlineKind[], on: IsoDate): Promise<deadlineStore.LateDeadline[]> {
  return deadlineStore.lateDeadlines(tx, 'case', caseId, kinds, on);
}

/** Every open deadline of the case is moot once it leaves the procedure (closed, withdrawn, transferred…). */
export async function closeAllDeadlines(tx: Transaction, caseId: number, met: DeadlineMet, except: readonly DeadlineKind[] = []): Promise<void> {
  await deadlineStore.closeAllDeadlines(tx, 'case', caseId, met, except);
}

export const todayOf = (clock: () => Date): IsoDate => chinaDateOf(clock());

export type { WorkCalendar };
