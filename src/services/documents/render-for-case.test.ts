/**
 * The wiring from the case engine to the renderer: a case decided on the spot (简易程序) is found by its act code
 * within the actor's subtree, mapped with the agency profile of its organization's case settings, and rendered;
 * what neither records is named as missing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, type Role, systemActor } from '../../domain/access.ts';
import { documentText } from '../../domain/documents/blocks.ts';
import { idNumberCheckChar } from '../../domain/validators/id-number.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import { decideOnSpot } from '../cases/decide-on-spot.ts';
import { addPowerItem } from '../cases/power-list.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { createOrganization } from '../organizations.ts';
import { createUser } from '../users.ts';
import { TEST_PASSWORD, testPasswordHash } from '../testing/factories.ts';
import { parseDocumentNumber } from './case-to-document.ts';
import { renderDocumentForCase } from './render-for-case.ts';
import { refusal } from '../../domain/test-support.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
const now = new Date('2026-03-02T01:00:00Z');

/** The agency profile as an admin sets it in the local case parameters. */
const profile = {
  documentPrefix: '云东城管',
  agencyAddress: '云城市东湖区湖滨路1号',
  contactPerson: '王磊',
  contactPhone: '0871-66001234',
  reconsiderationBody: '云城市东湖区人民政府',
  court: '云城市东湖区人民法院',
  paymentBank: '中国工商银行东湖支行',
  paymentAccountName: '云城市东湖区财政局非税收入专户',
  paymentAccountNo: '2502012345678901234',
};

async function user(org: { id: number; path: string }, username: string, displayName: string, roles: Role[], cert: string): Promise<Actor> {
  const u = await createUser(ctx, systemActor, {
    organizationId: org.id,
    username,
    displayName,
    password: TEST_PASSWORD,
    roles,
    certificateNo: cert,
    certificateValidUntil: '2028-12-31',
  }, { passwordHash: await testPasswordHash() }); // argon2 once per process, not per user
  return { userId: u.id, organizationId: org.id, organizationPath: org.path, roles, displayName };
}

let officer: Actor;
let outsider: Actor;
let code: string;
let bureauId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => now, files: memoryFileStore() };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  const bureau = await createOrganization(ctx, systemActor, { name: '云城市东湖区城市管理和综合行政执法局', kind: 'district_bureau', parentId: null, divisionCode: '539902' });
  const other = await createOrganization(ctx, systemActor, { name: '云城市西山区城市管理和综合行政执法局', kind: 'district_bureau', parentId: null, divisionCode: '539903' });
  bureauId = bureau.id;
  await setCaseSettings(ctx, systemActor, bureau.id, profile);
  const item = await addPowerItem(ctx, systemActor, {
    organizationId: bureau.id,
    code: 'SR-009',
    name: '随地乱扔烟头',
    violatedProvision: '《城市市容和环境卫生管理条例》第三十二条',
    penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条第（一）项',
    statutoryRange: '责令纠正违法行为、采取补救措施，可以并处警告、罚款',
    category: '市容环境',
  });
  officer = await user(bureau, 'wanglei', '王磊', ['officer'], '53990219000201');
  const second = await user(bureau, 'zhaogang', '赵刚', ['officer'], '53990219000202');
  outsider = await user(other, 'liuyang', '刘洋', ['officer', 'head'], '53990319000201');
  const first17 = '53990219900302022';
  const decided = await decideOnSpot(ctx, officer, {
    title: '乱扔烟头',
    facts: '在东湖广场随地乱扔烟头，经执法人员当场指出后承认',
    place: '云城市东湖区东湖广场',
    actStartedOn: '2026-03-02',
    actEndedOn: '2026-03-02',
    powerItemId: item.id,
    party: { kind: 'person', name: '李娜', idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: '13900001111', address: '云城市东湖区南湖路88号3栋' },
    officerIds: [officer.userId, second.userId],
    penalty: { kinds: ['fine'], fineFen: 50_00, description: '罚款人民币50元', basis: '《城市市容和环境卫生管理条例》第三十六条第（一）项' },
  });
  code = decided.actCode;
});
afterAll(() => handle.close());


describe('documents of a recorded case', () => {
  it('renders the 当场行政处罚决定书 of a simple-procedure case (《行政处罚法》第五十二条)', async () => {
    const result = await renderDocumentForCase(ctx, officer, { code, type: '当场行政处罚决定书', pdf: false });
    if (result.kind !== 'document') throw new Error('expected one document');
    const text = documentText(result.file.content);
    expect(text).toContain('当场行政处罚决定书');
    expect(text).toContain('编号：云东城管简罚字〔2026〕1号');
    expect(text).toContain('当事人：李娜，女，1990年3月2日出生');
    expect(text).toContain('罚款人民币伍拾元整（¥50.00）');
    expect(text).toContain('六十日内向云城市东湖区人民政府申请行政复议');
    expect(text).toContain('缴款银行：中国工商银行东湖支行');
    expect(text).toContain('执法人员：王磊（执法证号：53990219000201）、赵刚（执法证号：53990219000202）');
    expect(text).toContain(`行政行为码：${code}`);
    expect(result.file.docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('names an agency-profile field the case settings lack (no 复议机关) instead of printing a blank', async () => {
    const { reconsiderationBody: _omitted, agencyAddress: _address, ...without } = profile;
    await setCaseSettings(ctx, systemActor, bureauId, without);
    const error = await refusal(renderDocumentForCase(ctx, officer, { code, type: '当场行政处罚决定书', pdf: false }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('行政复议机关');
    expect(error.message).toContain('执法机关地址');
    expect(error.details?.fields).toEqual(expect.arrayContaining([{ path: 'agency.reconsiderationBody', label: '行政复议机关' }]));
  });

  it('reports a case outside the actor’s organization subtree as not found', async () => {
    expect((await refusal(renderDocumentForCase(ctx, outsider, { code, type: '当场行政处罚决定书', pdf: false }))).code).toBe('NOT_FOUND');
  });

  it('reads registered numbers with or without 第 and prints them per GB/T 9704-2012 §7.2.4', () => {
    expect(parseDocumentNumber('云东城管罚决字〔2026〕第12号', '文号')).toEqual({ prefix: '云东城管罚决字', year: 2026, serial: 12 });
    expect(parseDocumentNumber('云东城管罚决字〔2026〕12号', '文号')).toEqual({ prefix: '云东城管罚决字', year: 2026, serial: 12 });
    expect(() => parseDocumentNumber('罚决字2026-12', '决定书文号')).toThrow(/决定书文号/);
  });
});
