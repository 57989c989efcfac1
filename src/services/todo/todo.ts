/**
 * The to-do centre (待办/已办) of one user: what waits for them on the cases of their subtree, computed from the cases
 * as they are — never stored, so it cannot go stale — and what they did recently, from the audit trail.
 *
 *   head       立案审批 (clues), 作出决定 (cases whose decision guards pass today), 结案审批 (ordinary cases performed
 *              and published whose head place is unsigned), 回避申请, 延期（分期）缴纳 requests (第六十六条第二款),
 *              办案期限即将届满 (第六十条 extension), 申请强制执行
 *   reviewer   法制审核 (the review queue), 结案审核意见
 *   officer    法制审核退回 (with the failed items), 先行登记保存 to decide within 7 days (第五十六条), 期限 near or past
 *              on their cases, 督办 notes, 待结案
 *
 * A step is listed only when the workflow would accept it today (checkTransition with the case's snapshot), so the
 * list never sends anyone to a step that will be refused. Kinds and batching: domain/todo/kinds.ts.
 */
import { and, asc, count, desc, eq, inArray, like, notInArray, sql, type SQL } from 'drizzle-orm';
import { type Actor, isSystem } from '../../domain/access.ts';
import { caseActionLabels, type CaseAction, type CaseActionInput } from '../../domain/cases/actions.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { deadlineUrgency, dueSoonUntil } from '../../domain/cases/deadline-urgency.ts';
import { type CaseState, caseStates, type DeadlineKind, deadlineKinds } from '../../domain/cases/model.ts';
import { assertMaySign, latestOpinion } from '../../domain/cases/opinions.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { allPassedChecklist, reviewItemKeys, reviewItems } from '../../domain/cases/legal-review.ts';
import type { CaseRecord, CaseSnapshot, GuardContext } from '../../domain/cases/snapshot.ts';
import { checkTransition, legalReviewReasons } from '../../domain/cases/workflow.ts';
import { fineInForceFen } from '../../domain/cases/record-rules.ts';
import { AppError } from '../../domain/errors.ts';
import { assertMay } from '../../domain/policy.ts';
import { auditActions, type AuditAction } from '../../domain/audit/actions.ts';
import { todoDigest } from '../../domain/todo/digest.ts';
import { type TodoKind, todoKinds } from '../../domain/todo/kinds.ts';
import { closingApprovalsInput, type DoneItem, pageQuery, type TodoDigest, type TodoItem, type TodoPage } from '../../domain/todo/views.ts';
import type { Executor } from '../../db/connect.ts';
import { auditRecords, caseParties, cases, deadlines, organizations } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar.ts';
import type { ServiceContext } from '../context.ts';
import { openDeadline } from '../deadlines/deadline-store.ts';
import { parseInput } from '../parse-input.ts';
import { buildSnapshot, type CaseRow, type Organization, type PartyRow, settingsFor } from '../cases/case-store.ts';
import { transitionCase } from '../cases/transition-case.ts';
import { todoNotices } from './notices.ts';
import { type OpenUrge, openUrges } from './urge-case.ts';

/** States in which nothing waits for anyone any more. */
const FINISHED: readonly CaseState[] = ['closed', 'archived', 'declined', 'withdrawn', 'transferred', 'terminated'];
const DECIDING: readonly CaseState[] = ['reviewing', 'notified', 'hearing'];
const CLOSING: readonly CaseState[] = ['decided', 'served', 'enforcing'];
const OPEN: readonly CaseState[] = ['filed', 'investigating', 'reviewing', 'notified', 'hearing'];

type Db = { db: Executor; clock: () => Date };

interface Loaded {
  row: CaseRow;
  org: Organization;
  party: PartyRow | null;
}

/** Everything waiting for `actor`, most urgent first, paged; `counts` by kind over all of them. */
export async function listTodo(ctx: Db, actor: Actor, raw: unknown = {}): Promise<TodoPage> {
  const { limit, offset } = parseInput(pageQuery, raw);
  const all = await todoItems(ctx, actor);
  const counts: Record<string, number> = {};
  for (const item of all) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return { notices: await todoNotices(ctx, actor), items: all.slice(offset, offset + limit), total: all.length, counts };
}

/** 今日摘要: the to-dos of `actor` new since yesterday, due today or tomorrow, overdue (domain/todo/digest.ts). */
export async function digestTodo(ctx: Db, actor: Actor): Promise<TodoDigest> {
  return todoDigest(await todoItems(ctx, actor), chinaDateOf(ctx.clock()), await todoNotices(ctx, actor));
}

/** Every to-do of `actor` (unpaged), overdue first, then by due date. */
export async function todoItems(ctx: Db, actor: Actor, onlyCaseIds?: readonly number[]): Promise<TodoItem[]> {
  assertMay(actor, casePolicy.workOnCases);
  const isHead = actor.roles.includes('head');
  const isReviewer = actor.roles.includes('reviewer');
  const isOfficer = actor.roles.includes('officer');
  if (!isHead && !isReviewer && !isOfficer) return [];
  const scope: SQL[] = [notInArray(cases.state, [...FINISHED])];
  if (!isSystem(actor)) scope.push(like(organizations.path, `${actor.organizationPath}%`));
  // An officer who is neither head nor reviewer has to-dos only on the cases they handle.
  if (!isHead && !isReviewer) scope.push(sql`${actor.userId} = any(${cases.officerIds})`);
  if (onlyCaseIds) scope.push(inArray(cases.id, [...onlyCaseIds]));
  const rows = await ctx.db
    .select({ row: cases, org: organizations })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(...scope))
    .orderBy(asc(cases.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.row.id);
  const parties = await ctx.db.select().from(caseParties).where(inArray(caseParties.caseId, ids)).orderBy(asc(caseParties.id));
  const open = await ctx.db
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.subjectType, 'case'), inArray(deadlines.subjectId, ids), openDeadline))
    .orderBy(asc(deadlines.dueOn));
  const urges = isOfficer ? await openUrges(ctx.db, rows.filter((r) => r.row.officerIds.includes(actor.userId)).map((r) => r.row)) : [];
  const calendar = await loadWorkCalendar(ctx.db);
  const today = chinaDateOf(ctx.clock());
  const soonUntil = dueSoonUntil(calendar, today);
  const settings = new Map<number, Awaited<ReturnType<typeof settingsFor>>>();
  const items: TodoItem[] = [];
  // Sequential on purpose: `ctx.db` may be one connection.
  for (const { row, org } of rows) {
    const loaded: Loaded = { row, org, party: parties.find((p) => p.caseId === row.id) ?? null };
    if (!settings.has(org.id)) settings.set(org.id, await settingsFor(ctx.db, org));
    const caseDeadlines = open
      .filter((d) => d.subjectId === row.id)
      .map((d) => ({ kind: d.kind as DeadlineKind, dueOn: d.dueOn, urgency: deadlineUrgency(d, today, soonUntil) }));
    const probe = new Prober(ctx.db, loaded, { today, calendar, settings: settings.get(org.id)!.settings });
    items.push(...(await itemsOf(actor, loaded, caseDeadlines, urges, probe, { isHead, isReviewer, isOfficer })));
  }
  return items.sort(byUrgency);
}

/** Runs the workflow's own check of a step on the case's snapshot (built once, only when a step is probed). */
class Prober {
  private snapshot: Promise<CaseSnapshot | null> | undefined;
  constructor(
    private readonly db: Executor,
    private readonly loaded: Loaded,
    readonly g: Pick<GuardContext, 'today' | 'calendar' | 'settings'>,
  ) {}

  snap(): Promise<CaseSnapshot | null> {
    const { row, org, party } = this.loaded;
    this.snapshot ??= party ? buildSnapshot(this.db, row, org, party) : Promise.resolve(null);
    return this.snapshot;
  }

  /** Null when `input` by `actor` would be accepted today; otherwise the refusal's message. */
  async refusal(input: CaseActionInput, actor: { userId: number; roles: readonly Actor['roles'][number][] }): Promise<string | null> {
    const c = await this.snap();
    if (!c) return '当事人信息不全';
    try {
      checkTransition(c, input, { ...this.g, actDate: this.g.today, actor });
      return null;
    } catch (e) {
      if (e instanceof AppError) return e.message;
      throw e;
    }
  }
}

interface Roles {
  isHead: boolean;
  isReviewer: boolean;
  isOfficer: boolean;
}

type CaseDeadline = { kind: DeadlineKind; dueOn: string; urgency: ReturnType<typeof deadlineUrgency> };

async function itemsOf(actor: Actor, { row, org, party }: Loaded, caseDeadlines: CaseDeadline[], urges: readonly OpenUrge[], probe: Prober, roles: Roles): Promise<TodoItem[]> {
  const record = row.record as CaseRecord;
  const state = row.state as CaseState;
  const me = { userId: actor.userId, roles: actor.roles };
  const onCase = row.officerIds.includes(actor.userId);
  const out: TodoItem[] = [];
  const add = (kind: TodoKind, detail: string, due: { dueOn: string; overdue: boolean } | null = null, batchable = false, since: string = row.lastActedOn) =>
    out.push({
      kind,
      kindLabel: todoKinds[kind].label,
      caseId: row.id,
      version: row.version,
      actCode: row.actCode,
      title: row.title,
      stateLabel: caseStates[state],
      organizationName: org.name,
      partyName: party?.name ?? '（未登记）',
      detail,
      since,
      dueOn: due?.dueOn ?? null,
      overdue: due?.overdue ?? false,
      batchable: batchable && todoKinds[kind].batch.allowed,
    });
  const deadline = (kind: DeadlineKind) => {
    const d = caseDeadlines.find((x) => x.kind === kind);
    return d ? { dueOn: d.dueOn, overdue: d.urgency === 'overdue' } : null;
  };
  const recused = new Set(record.recusals.filter((r) => r.granted).map((r) => r.officerId));
  const firstOfficer = row.officerIds.find((id) => !recused.has(id));
  // Paid in full or sent to court (第七十二条): checked cheaply before the snapshot is built for the probe.
  const paidFen = record.payments.reduce((sum, p) => sum + p.amountFen, 0);
  const performedLikely = state !== 'enforcing' || record.courtEnforcement !== null || paidFen >= fineInForceFen(record.decision);
  // Ready to close: the closing step's own rules pass for an officer of the case, approvals aside.
  const readyToClose = async () =>
    row.procedure !== 'simple' &&
    CLOSING.includes(state) &&
    performedLikely &&
    firstOfficer !== undefined &&
    (await probe.refusal(
      { action: 'close', summary: '结案', execution: '已执行', opinion: '建议结案', reviewerOpinion: { text: '同意' }, headOpinion: { text: '同意' } },
      { userId: firstOfficer, roles: ['officer'] },
    )) === null;

  if (roles.isHead) {
    if (state === 'clue') {
      const signed = (['undertaker', 'unit'] as const).map((r) => `${r === 'undertaker' ? '承办人意见' : '承办机构意见'}${latestOpinion(record, 'filing', r) ? '已签署' : '未签署'}`);
      add('filingApproval', `立案或不予立案（${signed.join('，')}）`, deadline('filing'), false, row.registeredOn);
    }
    if (DECIDING.includes(state) && record.proposal && (await probe.refusal({ action: 'decide' }, me)) === null) {
      add('decision', `处理意见：${record.proposal ? (record.proposal.penalty?.description ?? '不予处罚或移送') : '—'}`, deadline('decision'));
    }
    if (!latestOpinion(record, 'closing', 'head') && (await readyToClose())) {
      const reviewer = latestOpinion(record, 'closing', 'reviewer');
      add('closingApproval', `已履行完毕，${reviewer ? `审核意见已由${reviewer.by.name}签署` : '审核意见未签署'}`, null, true);
    }
    for (const r of record.recusals.filter((x) => x.granted === null)) add('recusal', `执法人员回避申请：${r.reason ?? ''}`.trim(), null, false, r.requestedOn);
    // 第六十六条第二款: the party's request for 暂缓/分期缴纳, put forward by the case officer's 承办人意见 on the
    // 延期（分期）缴纳罚款审批表 after the last deferral decision, waits for the head's approval (`approveDeferral`).
    const request = deferralRequest(record);
    if (state === 'enforcing' && request) add('deferralApproval', `${request.by.name}于${request.on}提出：${request.text}`, deadline('payment'), false, request.on);
    const decisionDue = deadline('decision');
    const decisionUrgency = caseDeadlines.find((d) => d.kind === 'decision')?.urgency;
    if (OPEN.includes(state) && decisionDue && (decisionUrgency === 'overdue' || decisionUrgency === 'dueSoon')) {
      add('extension', `办案期限${decisionDue.overdue ? '已超过' : '即将届满'}（${decisionDue.dueOn}），需要时可批准延长（第六十条）`, decisionDue);
    }
    if (state === 'enforcing' && !record.courtEnforcement && (await probe.refusal({ action: 'applyCourtEnforcement', court: '人民法院' }, me)) === null) {
      add('courtEnforcement', '缴款期限已过且催告期满，当事人仍未履行', deadline('payment'));
    }
  }
  if (roles.isReviewer) {
    if (DECIDING.includes(state) && party) {
      const facts = { procedure: row.procedure as CaseSnapshot['procedure'], record, party: { kind: party.kind as 'person' | 'organization' } };
      const reasons = legalReviewReasons(facts, { settings: probe.g.settings });
      const last = record.legalReviews.at(-1);
      const heldOn = record.hearing?.heldOn ?? null;
      const current = record.legalReviews.filter((r) => heldOn === null || r.on >= heldOn).at(-1);
      if (reasons.length && !current?.passed && (await probe.refusal(reviewProbe, me)) === null) {
        add('review', current ? `已退回（${current.on}），待补正后重新审核` : last ? '听证后须重新审核' : `审核事由：${reasons.join('、')}`, deadline('decision'));
      }
    }
    if (!latestOpinion(record, 'closing', 'reviewer') && (await readyToClose())) {
      const c = await probe.snap();
      let mine = c !== null;
      try {
        if (c) assertMaySign(c, 'closing', 'reviewer', me);
      } catch {
        mine = false;
      }
      if (mine) add('closingReview', '已履行完毕，待签署结案审核意见');
    }
  }
  if (roles.isOfficer && onCase) {
    const last = record.legalReviews.at(-1);
    if (DECIDING.includes(state) && last && !last.passed) {
      const failed = last.checklist ? reviewItemKeys.filter((k) => !last.checklist![k].passed).map((k) => `${reviewItems[k].label}：${last.checklist![k].note}`) : [];
      add('returnedReview', `${last.reviewerName}于${last.on}退回：${last.opinion}${failed.length ? `（${failed.join('；')}）` : ''}`, null, false, last.on);
    }
    // 第五十六条: evidence registered for preservation is decided on within seven days — listed from the day it was
    // registered, not only when the deadline is near (the generic deadline item below skips it).
    const preserved = record.preservations.filter((p) => p.decidedOn === null);
    const preservationDue = deadline('preservation');
    if (preserved.length && (state === 'investigating' || state === 'reviewing')) {
      add('preservationDecision', `先行登记保存（${preserved.map((p) => `${p.on}：${p.items}`).join('；')}），应于${preservationDue?.dueOn ?? '七日内'}前作出处理决定`, preservationDue, false, preserved[0]!.on);
    }
    for (const d of caseDeadlines.filter((x) => x.kind !== 'preservation' && (x.urgency === 'overdue' || x.urgency === 'dueSoon'))) {
      add('deadline', `${deadlineKinds[d.kind].label}${d.urgency === 'overdue' ? '已超期' : '即将到期'}（${d.dueOn}）`, { dueOn: d.dueOn, overdue: d.urgency === 'overdue' });
    }
    for (const u of urges.filter((x) => x.caseId === row.id)) add('urge', `${u.byName}于${u.on}督办：${u.note}`, null, false, u.on);
    if (
      latestOpinion(record, 'closing', 'head') &&
      latestOpinion(record, 'closing', 'reviewer') &&
      (await probe.refusal({ action: 'close', summary: '结案', execution: '已执行', opinion: '建议结案' }, me)) === null
    ) {
      add('readyToClose', '结案审批意见已齐备，可填写结案报告结案');
    }
  }
  return out;
}

/** The case officer's request for deferral not yet answered by a deferral decision, or null. */
function deferralRequest(record: CaseRecord): { on: string; text: string; by: { name: string } } | null {
  const request = latestOpinion(record, 'deferral', 'undertaker');
  if (!request) return null;
  const decided = record.deferralDecision?.on;
  return decided && decided >= request.on ? null : request;
}

/** A probe input for legalReview: a consistent passing review (the checklist rules are checked, not the reviewer's text). */
const reviewProbe: CaseActionInput = { action: 'legalReview', passed: true, opinion: '同意', checklist: allPassedChecklist() };


function byUrgency(a: TodoItem, b: TodoItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueOn ?? '9999-12-31';
  const db = b.dueOn ?? '9999-12-31';
  return da === db ? a.caseId - b.caseId : da < db ? -1 : 1;
}

/** What `actor` did on cases (已办), latest first, from the case audit chains. */
export async function listDone(ctx: Db, actor: Actor, raw: unknown = {}): Promise<{ items: DoneItem[]; total: number }> {
  assertMay(actor, casePolicy.workOnCases);
  const { limit, offset } = parseInput(pageQuery, raw);
  const mine = and(eq(auditRecords.actorId, actor.userId), eq(auditRecords.subjectType, 'case'));
  const [total] = await ctx.db.select({ n: count() }).from(auditRecords).where(mine);
  const rows = await ctx.db
    .select({ at: auditRecords.at, action: auditRecords.action, change: auditRecords.change, caseId: cases.id, actCode: cases.actCode, title: cases.title })
    .from(auditRecords)
    .innerJoin(cases, sql`${cases.id}::text = ${auditRecords.subjectId}`)
    .where(mine)
    .orderBy(desc(auditRecords.at), desc(auditRecords.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map((r) => ({ caseId: r.caseId, actCode: r.actCode, title: r.title, at: new Date(r.at).toISOString(), label: doneLabel(r.action, r.change) })),
    total: Number(total?.n ?? 0),
  };
}

function doneLabel(action: string, change: unknown): string {
  const step = (change as { action?: CaseAction } | null)?.action;
  if (action === 'case.transition' && step && step in caseActionLabels) return caseActionLabels[step];
  return auditActions[action as AuditAction] ?? action;
}

/**
 * 结案审批, several at once (todoKinds.closingApproval.batch): the head signs the same opinion on each selected case in
 * their own name. Each case is checked again as a to-do of this head (ready to close, head place unsigned) and signed
 * in its own step; a case that no longer qualifies is reported, never signed.
 */
export async function approveClosings(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<{ results: { caseId: number; ok: boolean; message: string | null }[] }> {
  const input = parseInput(closingApprovalsInput, raw);
  assertMay(actor, casePolicy.approveClosings);
  const ids = [...new Set(input.caseIds)];
  const ready = new Map((await todoItems(ctx, actor, ids)).filter((i) => i.kind === 'closingApproval').map((i) => [i.caseId, i]));
  const results: { caseId: number; ok: boolean; message: string | null }[] = [];
  // Sequential on purpose: one step (one transaction) per case.
  for (const caseId of ids) {
    const item = ready.get(caseId);
    if (!item) {
      results.push({ caseId, ok: false, message: '该案件不存在、无权办理或当前不满足结案审批条件' });
      continue;
    }
    try {
      await transitionCase(ctx, actor, caseId, { expectedVersion: item.version, action: 'signOpinion', form: 'closing', role: 'head', text: input.text });
      results.push({ caseId, ok: true, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ caseId, ok: false, message: e.message });
    }
  }
  return { results };
}
