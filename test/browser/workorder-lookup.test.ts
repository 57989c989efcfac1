/**
 * The open interface in the browser: the portal's 工单进度查询 (a requester enters the number and code they were given
 * at intake and sees the state), and the admin's 工单接口密钥 page (a key created, shown once, working, revoked).
 */
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.ts';
import { organizations } from '../../src/db/schema.ts';
import { createIntakeKey } from '../../src/services/workorders/intake-keys.ts';
import { type Harness, type ViewportName, horizontalOverflow, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
let receipt: { service_request_id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  const [top] = await h.app.ctx.db.select({ id: organizations.id }).from(organizations).orderBy(asc(organizations.path)).limit(1);
  const { secret } = await createIntakeKey(h.app.ctx, systemActor, { system: '云城市12345平台', channel: 'hotline', organizationId: top!.id });
  const res = await h.app.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    payload: { api_key: secret, service_code: 'matter-06001', description: '楼顶私搭乱建板房。', address_string: '湖滨路56号', first_name: '四', last_name: '李', phone: '13900139000', attribute: { kind: 'complaint' } },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  receipt = res.json<[typeof receipt]>()[0];
}, 240_000);
afterAll(() => h?.close());

describe('portal work-order lookup in the browser', { timeout: 120_000 }, () => {
  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`shows the order's state by number and code, no personal data; a wrong code says 未找到 (${viewport})`, async () => {
      const { context, page } = await h.newPage(viewport);
      await page.goto('/portal');
      await settle(page);
      await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '工单进度查询' }).click();
      await page.waitForURL(/\/portal\/work-orders$/);
      await page.getByLabel('工单编号').fill(receipt.service_request_id);
      await page.getByLabel('查询码').fill('AAAAAAAAAA');
      await page.getByRole('button', { name: '查询进度' }).click();
      await expect.poll(() => page.getByTestId('lookup-result').textContent()).toContain('未找到该工单');
      await page.getByLabel('查询码').fill(receipt.token);
      await page.getByRole('button', { name: '查询进度' }).click();
      await expect.poll(() => page.getByTestId('lookup-result').textContent()).toContain('待派单');
      const text = (await page.getByTestId('lookup-result').textContent()) ?? '';
      expect(text).toContain(receipt.service_request_id);
      expect(text).toContain('私搭乱建');
      expect(await page.locator('body').textContent()).not.toMatch(/李四|13900139000|湖滨路/);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'portal-work-order-lookup', viewport);
      await context.close();
    });
  }
});

describe('the admin page of intake keys in the browser', { timeout: 120_000 }, () => {
  it('creates a key for a system, shows it once; the key sends an order in; revoking it refuses the next one', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin.donghu', '/admin/intake-keys');
    // A name of its own per attempt (a retry finds the first attempt's key listed).
    const system = `东湖区城管通APP-${Math.random().toString(36).slice(2, 7)}`;
    await page.getByLabel('接入系统名称').fill(system);
    await page.getByRole('button', { name: '创建密钥' }).click();
    const secret = (await page.getByTestId('intake-key-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^fz311_[\w-]{43}$/);
    await screenshot(page, 'admin-intake-key-created', 'desktop');
    await page.getByRole('button', { name: '我已保存' }).click();
    const row = page.getByRole('row').filter({ hasText: system });
    await expect.poll(() => row.textContent()).toContain('有效');
    await expect.poll(() => page.locator('body').textContent()).not.toContain(secret);

    const send = () =>
      h.app.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: secret, service_code: 'part-01001', description: '井盖缺失。', address_string: '湖滨路', attribute: { kind: 'help' } } });
    expect((await send()).statusCode).toBe(201);
    await row.getByRole('button', { name: /吊\s?销/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /吊\s?销/ }).click();
    await expect.poll(() => row.textContent()).toContain('已吊销');
    expect((await send()).statusCode).toBe(403);
    await screenshot(page, 'admin-intake-keys', 'desktop');
    await context.close();
  });
});
