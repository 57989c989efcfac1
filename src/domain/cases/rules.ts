/**
 * The legal rules of the case engine as pure functions. Each either computes something the law fixes or
 * throws a RULE_VIOLATION with a Chinese message and the article it enforces. The workflow table
 * (workflow.ts) decides which rules guard which step.
 */
import { ruleViolation } from '../errors.ts';
import { art, item, para } from '../workflow/law.ts';
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { addCalendarDaysDeadline, configurePeriods, type CountedDeadline, countDeadline, namedPeriodDeadline, type PeriodId } from '../calendar/periods.ts';
import {
  type ActPeriod,
  type DeadlineKind,
  deadlineKinds,
  type EvidenceKind,
  formatYuan,
  groundsNeedingEducation,
  type InvestigationAct,
  investigationActs,
  type NoPenaltyGround,
  type PartyKind,
  type Penalty,
  penaltyKinds,
} from './model.ts';
import { ageOn } from './parties.ts';
import type { CaseSettings } from './settings.ts';
import type { CaseSnapshot, OfficerOnCase } from './snapshot.ts';


// ——— 第三十六条: limitation ———

/**
 * 《行政处罚法》第三十六条: 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
 * 上述期限延长至五年。期限从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。
 * The act is discovered in time when discovery is no later than the same date 2 (5) years after it ended.
 */
export function limitationEndsOn(act: ActPeriod, harmsSafety: boolean): IsoDate | null {
  if (act.endedOn === null) return null; // still continuing: the period has not started
  const years = harmsSafety ? 5 : 2;
  const [y, m, d] = act.endedOn.split('-').map(Number) as [number, number, number];
  // 2 years after 2024-02-29 is 2026-02-28 (the corresponding day does not exist: the month's last day).
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function assertWithinLimitation(act: ActPeriod, harmsSafety: boolean, discoveredOn: IsoDate): void {
  const ends = limitationEndsOn(act, harmsSafety);
  if (ends !== null && discoveredOn > ends) {
    throw ruleViolation(
      `违法行为于 ${act.endedOn} 终了，至 ${discoveredOn} 发现已超过${harmsSafety ? '五' : '二'}年，依法不再给予行政处罚，不能立案`,
      art('行政处罚法', 36),
      { limitationEndsOn: ends },
    );
  }
}

// ——— 权责清单 ———

/**
 * The penalty's 处罚依据 cites the power-list item's 罚则: the law named in the 罚则 and its article (第…条, with 款/项
 * when the 罚则 names them) — the basis is the 罚则 of the violation found, not an article typed by hand. On the spot
 * (default) the decision states it under 《行政处罚法》第五十二条第二款; in the ordinary procedure the 调查终结 proposal
 * and its revisions carry it into the decision, which states 行政处罚的种类和依据 (第五十九条第一款第（三）项) —
 * `where` names that article and the form field. An item without a 罚则 checks nothing.
 */
export function assertBasisCitesPenaltyProvision(
  basis: string,
  penaltyProvision: string | null,
  where: { article: string; field: string } = { article: art('行政处罚法', 52, para(2)), field: 'penalty.basis' },
): void {
  const provision = (penaltyProvision ?? '').trim();
  const article = /第[一二三四五六七八九十百零〇\d]+条(?:第[一二三四五六七八九十\d]+款)?(?:第[（(]?[一二三四五六七八九十\d]+[）)]?项)?/.exec(provision)?.[0];
  if (!article) return;
  const law = /《[^》]+》/.exec(provision)?.[0];
  const squash = (t: string) => t.replace(/\s+/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
  const cited = squash(basis);
  if (cited.includes(squash(article)) && (!law || cited.includes(law))) return;
  throw ruleViolation(`处罚依据应当引用该违法行为在权责清单中的罚则“${provision}”，所填“${basis}”与之不符`, where.article, { fields: [where.field], penaltyProvision: provision });
}

/** Where the ordinary procedure checks the 处罚依据 (第五十九条第一款第（三）项): the proposal's penalty. */
export const ORDINARY_BASIS_ARTICLE = art('行政处罚法', 59, para(1), item(3));

export function assertOnPowerList(powerItem: CaseSnapshot['powerItem']): void {
  if (!powerItem || !powerItem.onList) {
    throw ruleViolation(
      `该违法行为${powerItem ? `“${powerItem.name}”` : ''}不在本单位权责清单（含赋权事项）内，本单位无权立案查处，请移送有权机关`,
      `${art('行政处罚法', 17)}、${art('行政处罚法', 24)}（行政处罚由具有行政处罚权的行政机关在法定职权范围内实施）`,
    );
  }
}

// ——— 第四十二条: two officers with valid certificates ———

export function validOfficers(officers: readonly OfficerOnCase[], date: IsoDate): OfficerOnCase[] {
  return officers.filter((o) => !o.recused && Boolean(o.certificateNo) && o.certificateValidUntil !== null && o.certificateValidUntil >= date);
}

/** 《行政处罚法》第四十二条: 执法人员不得少于两人, each with a valid 执法证 on the day of the act. */
export function assertTwoCertifiedOfficers(officers: readonly OfficerOnCase[], date: IsoDate): void {
  const valid = validOfficers(officers, date);
  if (valid.length < 2) {
    const invalid = officers.filter((o) => !valid.includes(o)).map((o) => `${o.displayName}（${o.recused ? '已回避' : o.certificateNo ? `执法证有效期至 ${o.certificateValidUntil ?? '未知'}` : '无执法证'}）`);
    throw ruleViolation(
      `执法人员不得少于两人且须持有有效执法证，${date} 有效的执法人员只有 ${valid.length} 人${invalid.length ? `；不符合：${invalid.join('、')}` : ''}`,
      art('行政处罚法', 42),
      { validOfficerIds: valid.map((o) => o.userId) },
    );
  }
}

// ——— 第四十三条: recusal ———

export function assertNotRecused(officers: readonly OfficerOnCase[], userId: number): void {
  const officer = officers.find((o) => o.userId === userId);
  if (officer?.recused) throw ruleViolation(`${officer.displayName} 已决定回避，不得再参与本案`, art('行政处罚法', 43));
}

// ——— 第五十八条 / 第六十四条: independence ———

export function assertReviewerNotInvestigator(officers: readonly OfficerOnCase[], reviewerId: number, investigators: readonly number[] = []): void {
  // Named on the case, or acted in its investigation (a user holding several roles): either way not independent.
  if (officers.some((o) => o.userId === reviewerId) || investigators.includes(reviewerId)) {
    throw ruleViolation('法制审核人员不得是本案的调查人员', `${art('行政处罚法', 58)}（${art('行政处罚法', 54, para(2))}：调查与审核相分离）`);
  }
}

export function assertPresiderNotInvestigator(officers: readonly OfficerOnCase[], presiderId: number): void {
  if (officers.some((o) => o.userId === presiderId)) {
    throw ruleViolation('听证由行政机关指定的非本案调查人员主持', art('行政处罚法', 64, item(4)));
  }
}

// ——— 第五十七条第二款: collective discussion by the heads ———

/** At least this many heads (负责人) discuss a case together (the local rule the schema has always kept). */
export const MIN_DISCUSSION_HEADS = 3;

/** A user chosen for a collective discussion, with the path of their organization. */
export interface DiscussionCandidate {
  id: number;
  name: string;
  roles: readonly string[];
  organizationPath: string;
}

/**
 * 《行政处罚法》第五十七条第二款: 行政机关的负责人应当集体讨论决定. Who counts: a user holding the head role in the case's
 * own unit or a unit above it (its path is a prefix of the case unit's); everyone else chosen sits in as 列席. Refuses
 * when fewer than MIN_DISCUSSION_HEADS heads remain, naming those recorded as 列席.
 */
export function discussionMembers(caseOrgPath: string, chosen: readonly DiscussionCandidate[]): { heads: { id: number; name: string }[]; attendees: { id: number; name: string }[] } {
  const isHead = (u: DiscussionCandidate) => u.roles.includes('head') && caseOrgPath.startsWith(u.organizationPath);
  const heads = chosen.filter(isHead).map(({ id, name }) => ({ id, name }));
  const attendees = chosen.filter((u) => !isHead(u)).map(({ id, name }) => ({ id, name }));
  if (heads.length < MIN_DISCUSSION_HEADS) {
    throw ruleViolation(
      `集体讨论须有至少${MIN_DISCUSSION_HEADS}名本单位或上级单位的负责人参加，所选人员中负责人只有${heads.length}名${attendees.length ? `（${attendees.map((a) => a.name).join('、')}不是本单位或上级单位的负责人，只能列席）` : ''}`,
      art('行政处罚法', 57, para(2)),
      { heads: heads.map((h) => h.id), attendees: attendees.map((a) => a.id) },
    );
  }
  return { heads, attendees };
}

// ——— 第六十三条: hearing rights ———

/** Why the party must be told of hearing rights, or [] (《行政处罚法》第六十三条第一款). */
export function hearingRightsReasons(penalty: Penalty, partyKind: PartyKind, settings: CaseSettings): string[] {
  const reasons: string[] = [];
  const largeFine = partyKind === 'person' ? settings.largeFinePersonFen : settings.largeFineOrganizationFen;
  const largeConfiscation = partyKind === 'person' ? settings.largeConfiscationPersonFen : settings.largeConfiscationOrganizationFen;
  if (penalty.kinds.includes('fine') && (penalty.fineFen ?? 0) >= largeFine) reasons.push(`较大数额罚款（${formatYuan(penalty.fineFen ?? 0)}，本地标准 ${formatYuan(largeFine)}）`);
  if ((penalty.kinds.includes('confiscateIncome') || penalty.kinds.includes('confiscateProperty')) && (penalty.confiscationFen ?? 0) >= largeConfiscation) {
    reasons.push(`没收较大数额违法所得或较大价值非法财物（${formatYuan(penalty.confiscationFen ?? 0)}）`);
  }
  for (const kind of penalty.kinds) if (settings.hearingPenaltyKinds.includes(kind)) reasons.push(penaltyKinds[kind]);
  return reasons;
}

// ——— 第五十一条: simple procedure ———

/** 违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告. */
export const SIMPLE_PROCEDURE_LIMIT_FEN: Record<PartyKind, number> = { person: 200_00, organization: 3_000_00 };

export function assertSimpleProcedureAllowed(penalty: Penalty, partyKind: PartyKind): void {
  const other = penalty.kinds.filter((k) => k !== 'warning' && k !== 'fine');
  if (other.length) {
    throw ruleViolation(`简易程序只能当场作出警告或罚款，不能作出${other.map((k) => penaltyKinds[k]).join('、')}，请适用普通程序`, art('行政处罚法', 51));
  }
  // An amount to confiscate is a confiscation whatever the kinds say: never on the spot.
  if ((penalty.confiscationFen ?? 0) > 0) {
    throw ruleViolation('简易程序只能当场作出警告或罚款，不能没收违法所得或者非法财物，请适用普通程序', art('行政处罚法', 51));
  }
  const limit = SIMPLE_PROCEDURE_LIMIT_FEN[partyKind];
  if ((penalty.fineFen ?? 0) > limit) {
    throw ruleViolation(
      `简易程序对${partyKind === 'person' ? '公民' : '法人或者其他组织'}只能当场处以 ${formatYuan(limit)}以下罚款，拟罚 ${formatYuan(penalty.fineFen ?? 0)}，请适用普通程序`,
      art('行政处罚法', 51),
    );
  }
}

// ——— 第二十九条: 一事不再罚 ———

const overlaps = (a: ActPeriod, b: ActPeriod) => a.startedOn <= (b.endedOn ?? '9999-12-31') && b.startedOn <= (a.endedOn ?? '9999-12-31');

/**
 * 《行政处罚法》第二十九条: 对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚. The same act = the same party
 * (ID number / credit code), the same violation (power-list item) and overlapping act periods.
 */
export function assertNoSecondFine(penalty: Penalty | null, act: ActPeriod, priorFines: CaseSnapshot['priorFines']): void {
  if (!penalty?.kinds.includes('fine')) return;
  const same = priorFines.find((p) => overlaps(p.act, act));
  if (same) {
    throw ruleViolation(
      `当事人的同一违法行为已被处以罚款（${same.decisionNumber ?? `案件 ${same.caseId}`}），不得再次罚款`,
      art('行政处罚法', 29),
      { priorCaseId: same.caseId },
    );
  }
}

// ——— 第三十条: minors ———

export function assertNotUnderFourteen(party: CaseSnapshot['party'], act: ActPeriod, penalty: Penalty | null): void {
  if (!penalty || party.kind !== 'person' || !party.birthDate) return;
  const age = ageOn(party.birthDate, act.startedOn);
  if (age < 14) {
    throw ruleViolation(`当事人实施违法行为时不满十四周岁（${age} 周岁），不予行政处罚，应责令监护人加以管教`, art('行政处罚法', 30));
  }
}

/** 已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚 (第三十条). */
export function isMinorAtAct(party: CaseSnapshot['party'], act: ActPeriod): boolean {
  return party.kind === 'person' && party.birthDate !== null && ageOn(party.birthDate, act.startedOn) < 18;
}

// ——— 第三十三条: education ———

export function assertEducationRecorded(proposal: { ground: NoPenaltyGround | null; education: string | null }): void {
  if (proposal.ground === null) throw ruleViolation('不予行政处罚须写明理由', art('行政处罚法', 33));
  if (groundsNeedingEducation.includes(proposal.ground) && !(proposal.education && proposal.education.trim().length >= 2)) {
    throw ruleViolation('依法不予行政处罚的，应当对当事人进行教育，并记录教育情况', art('行政处罚法', 33, para(3)));
  }
}

// ——— 第四十五条: no heavier penalty because of the statement ———

/** A comparable weight: total money, then the number of kinds (a new kind makes a penalty heavier). */
export function isHeavier(next: Penalty, before: Penalty): boolean {
  const money = (p: Penalty) => (p.fineFen ?? 0) + (p.confiscationFen ?? 0);
  return money(next) > money(before) || next.kinds.some((k) => !before.kinds.includes(k));
}

export function assertNotRaised(next: Penalty, notified: Penalty, statementMade: boolean): void {
  if (!isHeavier(next, notified)) return;
  if (statementMade) throw ruleViolation('当事人已陈述申辩，不得因当事人陈述、申辩而给予更重的处罚', art('行政处罚法', 45, para(2)));
  throw ruleViolation('拟作出的处罚重于已告知的内容，须重新履行事先告知程序', art('行政处罚法', 44));
}

// ——— 第七十二条: 加处罚款 ———

/**
 * 《行政处罚法》第七十二条第一款第（一）项: 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额.
 * Days counted from the day after the due date up to and including `onDate`; rounded down to the 分.
 */
export function lateFeeFen(fineFen: number, dueOn: IsoDate, onDate: IsoDate): number {
  const days = Math.max(0, daysBetween(dueOn, onDate));
  return Math.min(fineFen, Math.floor((fineFen * 3 * days) / 100));
}

// ——— Deadlines ———

/**
 * An act after the deadline it meets (先行登记保存处理决定 after the 7 working days of 第五十六条, a decision after the
 * 办案期限 of 第六十条 …) is still taken — the deadline cannot be met otherwise — but only with the reason for the delay
 * recorded; the deadline keeps it and supervision lists it. Refused without one.
 */
export function assertLateReasonGiven(late: readonly { kind: DeadlineKind; dueOn: IsoDate; article: string }[], on: IsoDate, reason: string | null | undefined): void {
  if (late.length === 0 || (reason && reason.trim().length > 0)) return;
  const missed = late.map((d) => `${deadlineKinds[d.kind].label}的期限为 ${d.dueOn}（${d.article}）`).join('；');
  throw ruleViolation(`${missed}，本步骤于 ${on} 办理已逾期：须填写逾期办理的理由（lateReason），逾期办理将列入执法监督`, [...new Set(late.map((d) => d.article))].join('、'), {
    field: 'lateReason',
    late: late.map((d) => ({ kind: d.kind, dueOn: d.dueOn })),
  });
}

/** The legal periods with this organization's local parameters applied. */
export function periodsFor(settings: CaseSettings) {
  return configurePeriods({ statement: { days: settings.statementPeriodDays }, decision: { days: settings.decisionPeriodDays }, filing: { days: settings.filingPeriodDays } });
}

export function deadlineFor(calendar: WorkCalendar, settings: CaseSettings, id: PeriodId, eventDate: IsoDate): IsoDate {
  return namedPeriodDeadline(calendar, id, eventDate, periodsFor(settings));
}

/** `deadlineFor` a period counted after the event, with its counting (kept with the deadline row). */
export function countedDeadlineFor(calendar: WorkCalendar, settings: CaseSettings, id: PeriodId, eventDate: IsoDate): CountedDeadline {
  const period = periodsFor(settings)[id];
  if (period.direction !== 'after') throw new Error(`countedDeadlineFor: ${id} is counted back from its event`);
  return countDeadline(calendar, eventDate, period);
}

/** The payment due date: 15 days after service (Art. 67), or the last instalment approved (Art. 66). */
/** 公告送达: 自发出公告之日起，经过三十日，即视为送达 (《民事诉讼法》第九十五条, applied by 《行政处罚法》第六十一条). */
export const ANNOUNCEMENT_SERVICE_DAYS = 30;

/**
 * The day a document counts as served: for 公告送达 the end of the thirty calendar days from publication, moved off a
 * rest day like every calendar-day period (《民事诉讼法》第八十五条; 《民法典》第二百零三条); for every other method the day itself.
 */
export function serviceEffectiveOn(calendar: WorkCalendar, method: string, on: IsoDate): IsoDate {
  return method === 'announcement' ? addCalendarDaysDeadline(calendar, on, ANNOUNCEMENT_SERVICE_DAYS) : on;
}

export function paymentDueOn(calendar: WorkCalendar, servedOn: IsoDate, instalments: readonly { dueOn: IsoDate }[] | null): IsoDate {
  return paymentDeadline(calendar, servedOn, instalments).dueOn;
}

/** `paymentDueOn` with its counting: 15 calendar days from service (Art. 67); the approved last instalment is a set date. */
export function paymentDeadline(calendar: WorkCalendar, servedOn: IsoDate, instalments: readonly { dueOn: IsoDate }[] | null): CountedDeadline {
  if (instalments && instalments.length) return { dueOn: instalments.map((i) => i.dueOn).sort().at(-1)!, counting: null };
  return countDeadline(calendar, servedOn, { days: 15, kind: 'calendar' });
}

/** Amount still owed on `onDate`: fine + late fee − payments. */
export function amountOwedFen(fineFen: number, dueOn: IsoDate, paidFen: number, onDate: IsoDate): number {
  return Math.max(0, fineFen + lateFeeFen(fineFen, dueOn, onDate) - paidFen);
}


// ——— 第四十七条: audio-video for 查封扣押 and 强制拆除 ———

/**
 * 《行政处罚法》第四十七条 (全过程记录) and 国办发〔2018〕118号 (对查封扣押财产、强制拆除等直接涉及重大财产权益的现场执法活动
 * 全程音像记录): an evidence item recording such an act is accepted only when it is itself audio-video, or the case
 * already holds an audio-video item for the same act on the same day.
 */
export function assertAudioVideoRecorded(
  item: { act: InvestigationAct; kind: EvidenceKind; recordedOn: IsoDate },
  existing: readonly { act: InvestigationAct; kind: EvidenceKind; recordedOn: IsoDate }[],
  settings: CaseSettings,
): void {
  if (!settings.audioVideoRequiredFor.includes(item.act) || item.kind === 'audioVisual') return;
  const recorded = existing.some((e) => e.act === item.act && e.kind === 'audioVisual' && e.recordedOn === item.recordedOn);
  if (!recorded) {
    throw ruleViolation(
      `${investigationActs[item.act]}须全程音像记录：请先上传当日该行为的视听资料，再登记其他证据`,
      `${art('行政处罚法', 47)}、国办发〔2018〕118号`,
    );
  }
}
