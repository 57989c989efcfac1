/**
 * Test factories: each test builds only the rows it needs, through the public services (so audit records, numbers
 * and deadlines are what the application itself writes), on a fresh migrated database (createTestDatabase, or
 * createTestApp({ demo: false }) for HTTP). The one slow part of real user creation — argon2 — is done once per
 * process: every factory user has the demo password, hashed once.
 *
 *   const w = await newWorld(ctx);                          // city → district → brigade, town; users of every role
 *   const item = await newPowerItem(ctx, w.org.district.id);
 *   const c = await newCase(ctx, w, { state: 'reviewing', powerItemId: item.id });
 */
import { hash } from '@node-rs/argon2';
import { type Actor, type Role, systemActor } from '../../domain/access.ts';
import type { CaseState } from '../../domain/cases/model.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import { idNumberCheckChar } from '../../domain/validators/id-number.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import { type CaseView, getCase } from '../cases/get-case.ts';
import { publishDecision } from '../cases/publicity.ts';
import { addEvidence } from '../cases/add-evidence.ts';
import { type PowerItem, addPowerItem } from '../cases/power-list.ts';
import { registerClue } from '../cases/register-clue.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { type Organization, createOrganization } from '../organizations.ts';
import { type UserView, createUser } from '../users.ts';

/**
 * The password of every factory user. The same as the demo's DEMO_PASSWORD (src/demo/organizations.ts; a layer
 * above services, so not imported here — src/demo/organizations.test.ts checks they are equal), so
 * `createTestApp().login(username)` works for factory and demo users alike.
 */
export const TEST_PASSWORD = 'Demo2026';

let passwordHash: Promise<string> | undefined;
/** argon2 of TEST_PASSWORD, computed once per process. */
export const testPasswordHash = (): Promise<string> => (passwordHash ??= hash(TEST_PASSWORD));

let sequence = 0;
const next = () => ++sequence;

/** The actor a service sees for `user` (what the session would carry). */
export function actorOf(user: UserView, org: Pick<Organization, 'path'>): Actor {
  return { userId: user.id, organizationId: user.organizationId, organizationPath: org.path, roles: user.roles, displayName: user.displayName };
}

export interface NewUserOptions {
  username?: string;
  displayName?: string;
  roles?: Role[];
  /** An enforcement certificate (执法证) number; officers, heads and reviewers get one unless null. */
  certificateNo?: string | null;
  certificateValidUntil?: string | null;
  phone?: string | null;
}

/** A user in `org` (created by the system actor, audited), with the test password; returns the view and the actor. */
export async function newUser(ctx: ServiceContext, org: Organization, options: NewUserOptions = {}): Promise<{ user: UserView; actor: Actor }> {
  const n = next();
  const roles = options.roles ?? ['officer'];
  const certified = roles.some((r) => r === 'officer' || r === 'head' || r === 'reviewer');
  const user = await createUser(
    ctx,
    systemActor,
    {
      organizationId: org.id,
      username: options.username ?? `user${n}`,
      displayName: options.displayName ?? `测试用户${n}`,
      password: TEST_PASSWORD,
      roles,
      certificateNo: options.certificateNo !== undefined ? options.certificateNo : certified ? `539902190${String(n).padStart(5, '0')}` : null,
      certificateValidUntil: options.certificateValidUntil !== undefined ? options.certificateValidUntil : certified ? '2029-12-31' : null,
      phone: options.phone ?? null,
    },
    { passwordHash: await testPasswordHash() },
  );
  return { user, actor: actorOf(user, org) };
}

const creditCode = (body: string) => {
  const first17 = `11${body}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
};

/** The usernames of `newWorld`'s users: the demo's, so tests read the same either way. */
export type WorldUser =
  | 'admin'
  | 'supervisor'
  | 'clerk'
  | 'head.donghu'
  | 'reviewer.donghu'
  | 'admin.donghu'
  | 'chief.donghu'
  | 'wanglei'
  | 'zhaogang'
  | 'sunli'
  | 'zhengyu'
  | 'fengjie'
  | 'head.xishan'
  | 'liuyang';

export interface World {
  org: { city: Organization; district: Organization; brigade: Organization; town: Organization; otherDistrict: Organization; otherBrigade: Organization };
  users: Record<WorldUser, UserView>;
  actors: Record<WorldUser, Actor>;
}

const worldUsers: { username: WorldUser; org: keyof World['org']; displayName: string; roles: Role[]; certificateNo?: string; until?: string }[] = [
  { username: 'admin', org: 'city', displayName: '系统管理员', roles: ['admin'] },
  { username: 'supervisor', org: 'city', displayName: '周敏', roles: ['supervisor'] },
  { username: 'clerk', org: 'city', displayName: '吴芳', roles: ['clerk'] },
  { username: 'head.donghu', org: 'district', displayName: '陈建国', roles: ['head'], certificateNo: '53990219000101', until: '2029-06-30' },
  { username: 'reviewer.donghu', org: 'district', displayName: '林晓', roles: ['reviewer'], certificateNo: '53990219000102', until: '2028-12-31' },
  { username: 'admin.donghu', org: 'district', displayName: '黄涛', roles: ['admin'] },
  { username: 'chief.donghu', org: 'brigade', displayName: '李卫东', roles: ['officer'], certificateNo: '53990219000200', until: '2029-06-30' },
  { username: 'wanglei', org: 'brigade', displayName: '王磊', roles: ['officer'], certificateNo: '53990219000201', until: '2028-12-31' },
  { username: 'zhaogang', org: 'brigade', displayName: '赵刚', roles: ['officer'], certificateNo: '53990219000202', until: '2027-09-30' },
  // An expired certificate, so Art. 42 checks have something to refuse.
  { username: 'sunli', org: 'brigade', displayName: '孙丽', roles: ['officer'], certificateNo: '53990219000203', until: '2025-06-30' },
  { username: 'zhengyu', org: 'town', displayName: '郑宇', roles: ['officer'], certificateNo: '53990219000301', until: '2028-03-31' },
  { username: 'fengjie', org: 'town', displayName: '冯洁', roles: ['officer'], certificateNo: '53990219000302', until: '2028-03-31' },
  { username: 'head.xishan', org: 'otherDistrict', displayName: '杨帆', roles: ['head'], certificateNo: '53990319000101', until: '2029-06-30' },
  { username: 'liuyang', org: 'otherBrigade', displayName: '刘洋', roles: ['officer'], certificateNo: '53990319000201', until: '2028-12-31' },
];

/**
 * A small bureau like the demo's, without its cases: 云城市城市管理局 → 东湖区 (district bureau, document prefix
 * 云东城管) → its brigade and the 南湖街道 team, and 西山区 with its brigade beside it; one user of every role, with the demo's
 * usernames, names and certificates. Call on an empty database.
 */
export async function newWorld(ctx: ServiceContext): Promise<World> {
  const org = async (name: string, kind: string, parent: Organization | null, divisionCode: string, body: string | null) =>
    createOrganization(ctx, systemActor, { name, kind, parentId: parent?.id ?? null, divisionCode, creditCode: body ? creditCode(body.padEnd(15, '0')) : null });
  const city = await org('云城市城市管理局', 'bureau', null, '539900', '539900MB1K2345');
  const district = await org('云城市东湖区城市管理和综合行政执法局', 'district_bureau', city, '539902', '539902MB1K3456');
  const brigade = await org('东湖区城市管理综合行政执法大队', 'brigade', district, '539902', '539902MB1K4567');
  const town = await org('东湖区南湖街道综合行政执法队', 'town_team', district, '539902003', null);
  const otherDistrict = await org('云城市西山区城市管理和综合行政执法局', 'district_bureau', city, '539903', '539903MB1K5678');
  const otherBrigade = await org('西山区城市管理综合行政执法大队', 'brigade', otherDistrict, '539903', '539903MB1K6789');
  await setCaseSettings(ctx, systemActor, district.id, { documentPrefix: '云东城管' });
  const orgs = { city, district, brigade, town, otherDistrict, otherBrigade };
  const users = {} as Record<WorldUser, UserView>;
  const actors = {} as Record<WorldUser, Actor>;
  for (const u of worldUsers) {
    const made = await newUser(ctx, orgs[u.org], { username: u.username, displayName: u.displayName, roles: u.roles, certificateNo: u.certificateNo ?? null, certificateValidUntil: u.until ?? null });
    users[u.username] = made.user;
    actors[u.username] = made.actor;
  }
  return { org: orgs, users, actors };
}

/** An item of the power list (权责清单) of `organizationId`; the code is unique unless given. */
export async function newPowerItem(ctx: ServiceContext, organizationId: number, overrides: Record<string, unknown> = {}): Promise<PowerItem> {
  return addPowerItem(ctx, systemActor, {
    organizationId,
    code: `T-${String(next()).padStart(3, '0')}`,
    name: '擅自占用城市道路、公共场所摆摊设点',
    violatedProvision: '《城市市容和环境卫生管理条例》第十四条',
    penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条第（二）项',
    statutoryRange: '责令停止违法行为，限期清理，并可处以罚款',
    category: '占道经营',
    ...overrides,
  });
}

/** A natural person as a party, with a valid 身份证 number. */
export function newPerson(name = '张伟', seq = next()) {
  const first17 = `53990219850615${String(seq % 1000).padStart(3, '0')}`;
  return { kind: 'person' as const, name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: '13900001111', address: '云城市东湖区南湖路88号3栋' };
}

/**
 * One evidence item (a 现场检查笔录 file) added by `actor` with `collectorIds` (two officers of the case), in a memory
 * store when the context has none; returns the case with its new version. A penalty is proposed only on evidence
 * (《行政处罚法》第四十条).
 */
export async function addTestEvidence(ctx: ServiceContext, actor: Actor, c: CaseView, collectorIds: number[]): Promise<CaseView> {
  const added = await addEvidence({ ...ctx, files: ctx.files ?? memoryFileStore() }, actor, c.id, {
    expectedVersion: c.version,
    kind: 'onSiteRecord',
    title: '现场检查笔录',
    fileName: '现场检查笔录.txt',
    mediaType: 'text/plain',
    contentBase64: Buffer.from(`现场检查笔录：${c.facts}`).toString('base64'),
    collectorIds,
    place: c.place || '现场',
    note: '证明当事人违法行为的事实（现场情况）',
  });
  return { ...c, version: added.version };
}

/** The states `newCase` can bring a case to, in the order of the ordinary procedure. */
export type NewCaseState = Extract<CaseState, 'clue' | 'declined' | 'filed' | 'investigating' | 'reviewing' | 'notified' | 'decided' | 'enforcing' | 'closed' | 'archived' | 'withdrawn' | 'transferred' | 'suspended' | 'terminated'>;

export interface NewCaseOptions {
  state: NewCaseState;
  /** Defaults to a new item of the district's power list. */
  powerItemId?: number;
  /** The day the clue is registered (09:00 China time); later steps happen on later days (see below). Default 2026-03-02, a Monday. */
  startOn?: string;
  party?: Record<string, unknown>;
  title?: string;
  fineFen?: number;
  /** The two officers (registering first), e.g. the town team's ['zhengyu', 'fengjie']; the case is the first one's unit's. Default 王磊 and 赵刚. */
  officers?: [WorldUser, WorldUser];
  /** The investigation's proposal instead of a fine of `fineFen` (e.g. a confiscation, or 不予处罚 — then stop at 'reviewing'). */
  proposal?: Record<string, unknown>;
}

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A case of the world's district brigade (officers 王磊 and 赵刚 unless `officers`, filed by 陈建国), brought to `state` by the public
 * case services — registerClue and transitionCase, one step after another, never by writing rows — so it is
 * exactly what the application makes. Steps run on their own clock: clue and filing on `startOn`, investigation
 * from the next day, the advance notice (事先告知) a week later, the decision and service after the statement
 * period, payment, closing and archiving four days after that. The test's own clock is not changed.
 */
export async function newCase(ctx: ServiceContext, world: World, options: NewCaseOptions): Promise<CaseView> {
  const start = options.startOn ?? '2026-03-02';
  const on = (days: number): ServiceContext => ({ ...ctx, clock: () => new Date(`${addDays(start, days)}T01:00:00Z`) });
  const { actors } = world;
  const [nameA, nameB] = options.officers ?? ['wanglei', 'zhaogang'];
  const [head, officerA, officerB] = [actors['head.donghu'], actors[nameA], actors[nameB]];
  const fineFen = options.fineFen ?? 2_000_00;
  const powerItemId = options.powerItemId ?? (await newPowerItem(on(0), world.org.district.id)).id;
  let c = await registerClue(on(0), officerA, {
    clueSource: 'patrol',
    title: options.title ?? '涉嫌擅自占用城市道路摆摊设点案',
    facts: '当事人在东湖区南湖路与湖滨路交叉口人行道上摆摊销售水果，占用人行道约6平方米，经劝导未改正。',
    place: '云城市东湖区南湖路与湖滨路交叉口',
    actStartedOn: addDays(start, -5),
    actEndedOn: addDays(start, -1),
    discoveredOn: start,
    powerItemId,
    party: options.party ?? newPerson(),
  });
  const step = async (day: number, actor: Actor, body: Record<string, unknown>) => {
    c = await transitionCase(on(day), actor, c.id, { expectedVersion: c.version, ...body });
    return c.state;
  };
  const target = options.state;
  if (target === 'clue') return c;
  if (target === 'declined') return (await step(0, head, { action: 'decline', reason: '经核查，违法事实不成立，不予立案。' }), c);
  if (target === 'transferred') return (await step(0, head, { action: 'transfer', target: 'otherAuthority', receiver: '云城市东湖区市场监督管理局', reason: '不属于本机关管辖，移送有管辖权的机关。' }), c);
  await step(0, head, { action: 'file', officerIds: [officerA.userId, officerB.userId], opinion: '符合立案条件，同意立案' });
  if (target === 'filed') return c;
  if (target === 'withdrawn') return (await step(0, head, { action: 'withdrawFiling', reason: '立案有误，撤销立案。' }), c);
  if (target === 'terminated') return (await step(0, head, { action: 'terminate', reason: '当事人死亡，终止调查。' }), c);
  if (target === 'suspended') return (await step(0, head, { action: 'suspend', reason: '当事人下落不明，中止调查。' }), c);
  await step(1, officerA, { action: 'startInvestigation' });
  // 《行政处罚法》第四十条: a penalty is proposed only on evidence of the case.
  c = await addTestEvidence(on(1), officerA, c, [officerA.userId, officerB.userId]);
  if (target === 'investigating') return c;
  await step(1, officerA, {
    action: 'closeInvestigation',
    findings: '当事人占用人行道摆摊的事实清楚，有现场笔录、照片和询问笔录为证。',
    proposal: options.proposal ?? { kind: 'penalty', penalty: { kinds: ['fine'], fineFen, description: `罚款人民币${fineFen / 100}元`, basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' } },
    ...(options.proposal && options.proposal.kind !== 'penalty' ? {} : { discretionReason: '当事人经劝导未改正，占道面积较小，未造成其他危害后果，在法定幅度内从轻处罚' }),
  });
  if (target === 'reviewing') return c;
  await step(8, officerA, { action: 'notify', service: { method: 'direct', time: '10:00' } });
  if (target === 'notified') return c;
  await step(14, head, { action: 'decide' });
  if (target === 'decided') return c;
  await step(14, officerB, { action: 'serve', method: 'direct', time: '10:00' });
  if (target === 'enforcing') return c;
  await step(18, officerA, { action: 'recordPayment', amountFen: fineFen, receiptNo: `FS${start.replaceAll('-', '')}${String(c.id).padStart(3, '0')}` });
  // A decision to be published is published before closing (《行政处罚法》第四十八条).
  if (c.publicity?.status === 'pending') {
    await publishDecision(on(18), officerA, c.id);
    c = await getCase(ctx, officerA, c.id, on(18).clock());
  }
  // The 结案审批表: the reviewer and the head sign their own opinions; the officer closing writes the 承办人意见.
  await step(18, actors['reviewer.donghu'], { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '程序合法，同意结案。' });
  await step(18, head, { action: 'signOpinion', form: 'closing', role: 'head', text: '同意结案。' });
  await step(18, officerA, { action: 'close', summary: '当事人已全额缴纳罚款，案件办结。', execution: `当事人已全额缴纳罚款人民币${fineFen / 100}元`, opinion: '处罚决定已履行完毕，建议结案。' });
  if (target === 'closed') return c;
  await step(18, officerA, { action: 'archive', archiveNo: `DH-${start.slice(0, 4)}-${String(c.id).padStart(3, '0')}` });
  return c;
}
