import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../domain/access.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { cases, powerItems } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { listAudit } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import { createOrganization } from '../organizations.ts';
import iconv from 'iconv-lite';
import { importPowerItems } from './import-power-items.ts';
import { addPowerItem, listPowerItems, updatePowerItem } from './power-list.ts';
import { refusal } from '../../domain/test-support.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let org: { city: number; district: number; town: number; other: number };
let cityAdmin: Actor;
let districtAdmin: Actor;
let districtHead: Actor;

const item = (organizationId: number, code: string, extra: Record<string, unknown> = {}) => ({
  organizationId,
  code,
  name: '擅自占用城市道路、公共场所摆摊设点',
  violatedProvision: '《城市市容和环境卫生管理条例》第十四条',
  penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条第（二）项',
  statutoryRange: '责令停止违法行为，限期清理，并可处以罚款',
  category: '市容环境',
  ...extra,
});

const actor = (o: { id: number; path: string }, roles: Actor['roles']): Actor => ({ userId: 1, organizationId: o.id, organizationPath: o.path, roles, displayName: '测试' });


/** A case registered under the item (how it got there is the case engine's business, tested there). */
async function caseUsing(powerItemId: number, organizationId: number) {
  await ctx.db.insert(cases).values({
    organizationId,
    procedure: 'ordinary',
    state: 'clue',
    actCode: `TEST${powerItemId}`,
    clueSource: 'patrol',
    title: '涉嫌擅自占用城市道路摆摊设点案',
    facts: '当事人在人行道上摆摊销售水果。',
    place: '云城市东湖区南湖路',
    actStartedOn: '2026-02-25',
    discoveredOn: '2026-02-25',
    registeredOn: '2026-02-25',
    lastActedOn: '2026-02-25',
    powerItemId,
    officerIds: [],
    record: {},
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z') };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  const city = await createOrganization(ctx, systemActor, { name: '云城市城市管理局', kind: 'bureau', parentId: null, divisionCode: '539900' });
  const district = await createOrganization(ctx, systemActor, { name: '云城市东湖区城市管理和综合行政执法局', kind: 'district_bureau', parentId: city.id, divisionCode: '539902' });
  const town = await createOrganization(ctx, systemActor, { name: '东湖区南湖街道综合行政执法队', kind: 'town_team', parentId: district.id, divisionCode: '539902001' });
  const other = await createOrganization(ctx, systemActor, { name: '云城市西山区城市管理和综合行政执法局', kind: 'district_bureau', parentId: city.id, divisionCode: '539903' });
  org = { city: city.id, district: district.id, town: town.id, other: other.id };
  cityAdmin = actor(city, ['admin']);
  districtAdmin = actor(district, ['admin']);
  districtHead = actor(district, ['head']);
});
afterAll(() => handle.close());

describe('power list (权责清单)', () => {
  it('lists own, inherited and delegated items with their owners, and hides deactivated ones unless asked', async () => {
    await addPowerItem(ctx, cityAdmin, item(org.city, 'SR-001'));
    const delegated = await addPowerItem(ctx, districtAdmin, item(org.town, 'SR-002', { delegatedFromId: org.district, name: '在城市道路两侧擅自堆放物料' }));
    await addPowerItem(ctx, cityAdmin, item(org.other, 'XS-001'));
    const list = await listPowerItems(ctx, districtAdmin, org.town);
    expect(list.map((i) => [i.code, i.inherited, i.organizationName, i.delegatedFromName])).toEqual([
      ['SR-001', true, '云城市城市管理局', null],
      ['SR-002', false, '东湖区南湖街道综合行政执法队', '云城市东湖区城市管理和综合行政执法局'],
    ]);
    await updatePowerItem(ctx, districtAdmin, delegated.id, { active: false });
    expect((await listPowerItems(ctx, districtAdmin, org.town)).map((i) => i.code)).toEqual(['SR-001']);
    const all = await listPowerItems(ctx, districtAdmin, org.town, { includeInactive: 'true' });
    expect(all.find((i) => i.code === 'SR-002')?.active).toBe(false);
  });

  it('edits an item no case uses, records the change in the audit chain, and leaves the code as it is', async () => {
    const created = await addPowerItem(ctx, districtAdmin, item(org.district, 'SR-001'));
    const updated = await updatePowerItem(ctx, districtAdmin, created.id, { statutoryRange: '责令限期改正，处五十元以上五百元以下罚款', category: '占道经营' });
    expect(updated).toMatchObject({ code: 'SR-001', statutoryRange: '责令限期改正，处五十元以上五百元以下罚款', category: '占道经营' });
    const audit = await listAudit(ctx.db, 'organization', org.district);
    const last = audit.at(-1)!;
    expect(last.action).toBe('case.powerItem');
    expect(last.change).toMatchObject({ id: created.id, code: 'SR-001', category: { from: '市容环境', to: '占道经营' } });
    const codeChange = await refusal(updatePowerItem(ctx, districtAdmin, created.id, { code: 'SR-009' }));
    expect(codeChange.code).toBe('VALIDATION');
    expect(codeChange.message).toContain('事项编码不可修改');
    const tooShort = await refusal(updatePowerItem(ctx, districtAdmin, created.id, { name: '摆摊' }));
    expect(tooShort.message).toContain('违法行为名称至少 4 个字');
    const [row] = await ctx.db.select().from(powerItems).where(eq(powerItems.id, created.id));
    expect(row!.name).toBe('擅自占用城市道路、公共场所摆摊设点');
  });

  it('《行政处罚法》第三十七条: an item a case was registered under keeps its wording; it can be deactivated and a new item added', async () => {
    const used = await addPowerItem(ctx, districtAdmin, item(org.district, 'SR-001'));
    await caseUsing(used.id, org.district);
    expect((await listPowerItems(ctx, districtAdmin, org.district))[0]!.caseCount).toBe(1);
    const reworded = await refusal(updatePowerItem(ctx, districtAdmin, used.id, { penaltyProvision: '《云城市市容管理条例》第二十条' }));
    expect(reworded.code).toBe('RULE_VIOLATION');
    expect(reworded.message).toContain('已有 1 件案件适用该事项');
    expect(reworded.details?.article).toBe('《中华人民共和国行政处罚法》第三十七条');
    const before = (await listAudit(ctx.db, 'organization', org.district)).length;
    expect((await updatePowerItem(ctx, districtAdmin, used.id, { category: '占道经营', active: false })).active).toBe(false);
    expect((await listAudit(ctx.db, 'organization', org.district)).length).toBe(before + 1);
    await addPowerItem(ctx, districtAdmin, item(org.district, 'SR-002', { penaltyProvision: '《云城市市容管理条例》第二十条' }));
  });

  it('only an admin of the owning organization or above changes an item; others do not see it', async () => {
    const cityItem = await addPowerItem(ctx, cityAdmin, item(org.city, 'SR-001'));
    const otherItem = await addPowerItem(ctx, cityAdmin, item(org.other, 'XS-001'));
    expect((await refusal(updatePowerItem(ctx, districtHead, cityItem.id, { active: false }))).code).toBe('FORBIDDEN');
    // The district's admin reads the city's items (they apply to the district) but cannot change them.
    expect((await refusal(updatePowerItem(ctx, districtAdmin, cityItem.id, { active: false }))).code).toBe('NOT_FOUND');
    expect((await refusal(updatePowerItem(ctx, districtAdmin, otherItem.id, { category: '占道经营' }))).code).toBe('NOT_FOUND');
    expect((await refusal(updatePowerItem(ctx, districtAdmin, 999_999, { active: false }))).code).toBe('NOT_FOUND');
    expect((await updatePowerItem(ctx, cityAdmin, otherItem.id, { active: false })).active).toBe(false);
  });
});

describe('power list import (CSV/XLSX)', () => {
  const header = '序号,事项编码,违法行为,违则,罚则,法定处罚幅度,类别';
  const row = (n: number, code: string, name = '擅自占用城市道路、公共场所摆摊设点') =>
    `${n},${code},${name},《城市市容和环境卫生管理条例》第十四条,《城市市容和环境卫生管理条例》第三十六条第（二）项,责令停止违法行为，限期清理，并可处以罚款,市容环境`;
  const file = (lines: string[], encoding: 'utf8' | 'gbk' = 'utf8') => ({ fileName: '权责清单.csv', data: iconv.encode(lines.join('\r\n'), encoding) });

  it('imports the good rows and reports every other row with its line number and reason (GBK file)', async () => {
    await addPowerItem(ctx, districtAdmin, item(org.district, 'SR-009'));
    const result = await importPowerItems(
      ctx,
      districtAdmin,
      file([header, row(1, 'SR-101'), row(2, 'SR-102', '摆摊'), row(3, 'SR-101'), ',,,,,,', row(5, 'SR-009'), row(6, 'SR-103', '在城市道路两侧擅自堆放物料')], 'gbk'),
      { organizationId: org.district },
    );
    expect(result.imported.map((i) => i.code)).toEqual(['SR-101', 'SR-103']);
    expect(result.rows).toBe(5);
    expect(result.rejected).toEqual([
      { row: 3, reason: '违法行为：违法行为名称至少 4 个字' },
      { row: 4, reason: '事项编码 SR-101 与第2行重复' },
      { row: 6, reason: '本单位权责清单已有编码为 SR-009 的事项' },
    ]);
    const list = await listPowerItems(ctx, districtAdmin, org.district);
    expect(list.map((i) => i.code)).toEqual(['SR-009', 'SR-101', 'SR-103']);
    const audit = (await listAudit(ctx.db, 'organization', org.district)).at(-1)!;
    expect(audit.change).toMatchObject({ import: '权责清单.csv', rows: 5, rejected: result.rejected });
  });

  it('imports nothing when no row can be imported or the header lacks a column, and says why', async () => {
    const none = await refusal(importPowerItems(ctx, districtAdmin, file([header, row(1, 'SR-101', '摆摊')]), { organizationId: org.district }));
    expect(none.code).toBe('VALIDATION');
    expect(none.message).toContain('第2行：违法行为：违法行为名称至少 4 个字');
    expect(none.details?.rejected).toEqual([{ row: 2, reason: '违法行为：违法行为名称至少 4 个字' }]);
    const noColumn = await refusal(importPowerItems(ctx, districtAdmin, file(['事项编码,违法行为,违则,罚则,类别', 'SR-1,擅自摆摊设点经营,第十四条,第三十六条,市容环境']), { organizationId: org.district }));
    expect(noColumn.message).toContain('表头缺少以下列：法定处罚幅度');
    const pdf = await refusal(importPowerItems(ctx, districtAdmin, { fileName: 'list.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) }, { organizationId: org.district }));
    expect(pdf.message).toContain('.xls');
    expect(await listPowerItems(ctx, districtAdmin, org.district)).toEqual([]);
    expect((await refusal(importPowerItems(ctx, districtHead, file([header, row(1, 'SR-101')]), { organizationId: org.district }))).code).toBe('FORBIDDEN');
    expect((await refusal(importPowerItems(ctx, districtAdmin, file([header, row(1, 'SR-101')]), { organizationId: org.other }))).code).toBe('NOT_FOUND');
  });
});
