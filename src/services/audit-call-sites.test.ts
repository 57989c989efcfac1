/**
 * Every audited write of the administration services (organizations, users, sessions, calendar, case settings)
 * on a fresh database: each call site's payload matches its schema in the audit event catalog
 * (domain/audit/events.ts), or appendAudit would throw and the service call fail. The case services prove theirs
 * in services/cases, services/discretion and services/documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../domain/access.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { auditRecords } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing.ts';
import { removeCalendarDay, setCalendarDay, setYearComplete } from './calendar.ts';
import { setCaseSettings } from './cases/case-settings.ts';
import type { ServiceContext } from './context.ts';
import { createOrganization, updateOrganization } from './organizations.ts';
import { login, logout } from './sessions.ts';
import { createUser, setPassword, updateUser } from './users.ts';
import { verifyAudit } from './verify-audit.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let tick = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(Date.UTC(2026, 2, 2, 1, 0, tick++)) };
});
afterAll(() => handle.close());

describe('audited administration writes match the event catalog', () => {
  it('organizations, users, sessions, the calendar and case settings', async () => {
    const bureau = await createOrganization(ctx, systemActor, { name: '云城市东湖区城市管理局', kind: 'district_bureau', parentId: null, divisionCode: '530102' });
    const brigade = await createOrganization(ctx, systemActor, { name: '东湖区城管执法大队', kind: 'brigade', parentId: bureau.id });
    await updateOrganization(ctx, systemActor, brigade.id, { name: '东湖区城市管理综合执法大队', creditCode: null });
    const admin = await createUser(ctx, systemActor, {
      organizationId: bureau.id,
      username: 'admin.dh',
      displayName: '管理员',
      password: 'Passw0rd1',
      roles: ['admin'],
      phone: '13800000000',
    });
    const officer = await createUser(ctx, systemActor, {
      organizationId: brigade.id,
      username: 'li.si',
      displayName: '李四',
      password: 'Passw0rd1',
      roles: ['officer'],
      certificateNo: 'ZF530102001',
      certificateValidUntil: '2028-12-31',
    });
    const session = await login(ctx, 'admin.dh', 'Passw0rd1');
    await updateUser(ctx, session.actor, officer.id, { roles: ['officer', 'head'], certificateValidUntil: '2029-12-31', phone: '13900000000', active: true });
    await setPassword(ctx, session.actor, officer.id, 'NewPassw0rd');
    await setCalendarDay(ctx, session.actor, { date: '2027-10-08', kind: 'workday', name: '国庆调休' });
    await setCalendarDay(ctx, session.actor, { date: '2027-10-08', kind: 'holiday' });
    await removeCalendarDay(ctx, session.actor, '2027-10-08');
    await setYearComplete(ctx, session.actor, 2027, true);
    await setYearComplete(ctx, session.actor, 2027, false);
    await setCaseSettings(ctx, session.actor, bureau.id, { personPublicityMonths: 6 });
    await setCaseSettings(ctx, session.actor, bureau.id, { personPublicityMonths: null });
    await logout(ctx, session.actor, session.token);

    const actions = (await ctx.db.select({ action: auditRecords.action }).from(auditRecords)).map((r) => r.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'organization.create',
        'organization.update',
        'user.create',
        'user.update',
        'user.password',
        'session.login',
        'session.logout',
        'calendar.set',
        'calendar.remove',
        'calendar.year',
        'case.settings',
      ]),
    );
    expect(admin.id).toBeGreaterThan(0);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});
