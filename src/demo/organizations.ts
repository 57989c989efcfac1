/**
 * The demo bureau itself: the organization tree of the fictional 云城市 and a user of every role, all with the one
 * demo password. Created through the services (createOrganization, createUser), so every row has its audit record.
 */
import { hash } from '@node-rs/argon2';
import { type OrganizationKind, type Role, systemActor } from '../domain/access.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import type { ServiceContext } from '../services/context.ts';
import { createOrganization } from '../services/organizations.ts';
import { createUser } from '../services/users.ts';
import { shiftDates } from './clock.ts';

/** The one password of every demo account; printed by `fazhi demo` and `npm start`. Never used outside demo data. */
export const DEMO_PASSWORD = 'Demo2026';

export interface DemoLogin {
  username: string;
  displayName: string;
  roles: Role[];
  organization: string;
}

interface DemoOrg {
  key: string;
  parent: string | null;
  name: string;
  kind: OrganizationKind;
  division: string;
  /** Characters 3–17 of the credit code before the check character: division code + organization code. */
  creditBody: string | null;
}

// A fictional prefecture-level city "云城市" (division codes 5399xx are unassigned), so demo data is never
// mistaken for a real bureau's.
const demoOrgs: DemoOrg[] = [
  { key: 'city', parent: null, name: '云城市城市管理局', kind: 'bureau', division: '539900', creditBody: '539900MB1K2345' },
  { key: 'donghu', parent: 'city', name: '云城市东湖区城市管理和综合行政执法局', kind: 'district_bureau', division: '539902', creditBody: '539902MB1K3456' },
  { key: 'donghu-brigade', parent: 'donghu', name: '东湖区城市管理综合行政执法大队', kind: 'brigade', division: '539902', creditBody: '539902MB1K4567' },
  { key: 'nanhu', parent: 'donghu', name: '东湖区南湖街道综合行政执法队', kind: 'town_team', division: '539902003', creditBody: null },
  { key: 'xishan', parent: 'city', name: '云城市西山区城市管理和综合行政执法局', kind: 'district_bureau', division: '539903', creditBody: '539903MB1K5678' },
  { key: 'xishan-brigade', parent: 'xishan', name: '西山区城市管理综合行政执法大队', kind: 'brigade', division: '539903', creditBody: '539903MB1K6789' },
];

interface DemoUser {
  org: string;
  username: string;
  displayName: string;
  roles: Role[];
  certificateNo?: string;
  certificateValidUntil?: string;
}

const demoUsers: DemoUser[] = [
  { org: 'city', username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { org: 'city', username: 'supervisor', displayName: '周敏', roles: ['supervisor'] },
  { org: 'city', username: 'clerk', displayName: '吴芳', roles: ['clerk'] },
  { org: 'donghu', username: 'head.donghu', displayName: '陈建国', roles: ['head'], certificateNo: '53990219000101', certificateValidUntil: '2029-06-30' },
  // Deputy directors: with the director, the heads who discuss major cases together (《行政处罚法》第五十七条第二款).
  { org: 'donghu', username: 'deputy.donghu', displayName: '王秀梅', roles: ['head'], certificateNo: '53990219000103', certificateValidUntil: '2029-06-30' },
  { org: 'donghu', username: 'deputy2.donghu', displayName: '张立新', roles: ['head'], certificateNo: '53990219000104', certificateValidUntil: '2029-06-30' },
  { org: 'donghu', username: 'reviewer.donghu', displayName: '林晓', roles: ['reviewer'], certificateNo: '53990219000102', certificateValidUntil: '2028-12-31' },
  { org: 'donghu', username: 'admin.donghu', displayName: '黄涛', roles: ['admin'] },
  { org: 'donghu-brigade', username: 'wanglei', displayName: '王磊', roles: ['officer'], certificateNo: '53990219000201', certificateValidUntil: '2028-12-31' },
  { org: 'donghu-brigade', username: 'zhaogang', displayName: '赵刚', roles: ['officer'], certificateNo: '53990219000202', certificateValidUntil: '2027-09-30' },
  // The brigade leaders (大队长) sign the 承办机构意见 of approval forms.
  { org: 'donghu-brigade', username: 'chief.donghu', displayName: '李卫东', roles: ['officer'], certificateNo: '53990219000200', certificateValidUntil: '2029-06-30' },
  // An expired certificate, so the Art. 42 check has something real to refuse.
  { org: 'donghu-brigade', username: 'sunli', displayName: '孙丽', roles: ['officer'], certificateNo: '53990219000203', certificateValidUntil: '2025-06-30' },
  { org: 'nanhu', username: 'zhengyu', displayName: '郑宇', roles: ['officer'], certificateNo: '53990219000301', certificateValidUntil: '2028-03-31' },
  { org: 'nanhu', username: 'fengjie', displayName: '冯洁', roles: ['officer'], certificateNo: '53990219000302', certificateValidUntil: '2028-03-31' },
  { org: 'xishan', username: 'head.xishan', displayName: '杨帆', roles: ['head'], certificateNo: '53990319000101', certificateValidUntil: '2029-06-30' },
  { org: 'xishan', username: 'deputy.xishan', displayName: '高明', roles: ['head'], certificateNo: '53990319000103', certificateValidUntil: '2029-06-30' },
  { org: 'xishan', username: 'deputy2.xishan', displayName: '宋志远', roles: ['head'], certificateNo: '53990319000104', certificateValidUntil: '2029-06-30' },
  { org: 'xishan', username: 'reviewer.xishan', displayName: '何静', roles: ['reviewer'], certificateNo: '53990319000102', certificateValidUntil: '2028-12-31' },
  { org: 'xishan-brigade', username: 'liuyang', displayName: '刘洋', roles: ['officer'], certificateNo: '53990319000201', certificateValidUntil: '2028-12-31' },
  { org: 'xishan-brigade', username: 'maqiang', displayName: '马强', roles: ['officer'], certificateNo: '53990319000202', certificateValidUntil: '2028-12-31' },
  { org: 'xishan-brigade', username: 'chief.xishan', displayName: '许文', roles: ['officer'], certificateNo: '53990319000200', certificateValidUntil: '2029-06-30' },
];

/** Who can log in to the demo (printed by `fazhi demo` and `npm start`). */
export function demoLogins(): DemoLogin[] {
  return demoUsers.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    organization: demoOrgs.find((o) => o.key === u.org)!.name,
  }));
}

/** Creates the demo organization tree and its users (on an empty database: ./index.ts checks). */
export async function seedDemoOrganizations(ctx: ServiceContext, shift = 0): Promise<void> {
  const ids = new Map<string, number>();
  for (const org of demoOrgs) {
    // 11 = 机构编制 / 机关 (GB 32100-2015 registration authority and institution type).
    const first17 = org.creditBody ? `11${org.creditBody}`.padEnd(17, '0') : null;
    const created = await createOrganization(ctx, systemActor, {
      name: org.name,
      kind: org.kind,
      parentId: org.parent ? ids.get(org.parent)! : null,
      creditCode: first17 ? `${first17}${creditCodeCheckChar(first17)}` : null,
      divisionCode: org.division,
    });
    ids.set(org.key, created.id);
  }
  // One argon2 hash of the shared demo password for every account (hashing is deliberately slow).
  const passwordHash = await hash(DEMO_PASSWORD);
  for (const user of demoUsers) {
    await createUser(ctx, systemActor, {
      organizationId: ids.get(user.org)!,
      username: user.username,
      displayName: user.displayName,
      password: DEMO_PASSWORD,
      roles: user.roles,
      certificateNo: user.certificateNo ?? null,
      // Moved with the demo's history (clock.ts), so a certificate valid (or expired) at a demo act still is.
      certificateValidUntil: user.certificateValidUntil ? shiftDates(user.certificateValidUntil, shift) : null,
    }, { passwordHash });
  }
}
