import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientNavigate, type Harness, type ViewportName, horizontalOverflow, login, screenshot, settle, startHarness } from './harness.ts';

let h: Harness;
// Browser steps take longer than expect.poll's default second.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const staffPages = [
  { path: '/', name: 'staff-home' },
  { path: '/organizations', name: 'staff-organizations' },
  { path: '/users', name: 'staff-users' },
  { path: '/calendar', name: 'staff-calendar' },
  { path: '/tools/deadline', name: 'staff-deadline' },
  { path: '/audit', name: 'staff-audit' },
  { path: '/profile', name: 'staff-profile' },
];

describe('staff app in the browser', { timeout: 180_000 }, () => {
  it('sends a visitor to the login page and refuses a wrong password in Chinese', async () => {
    const { context, page } = await h.newPage('desktop');
    await page.goto('/users');
    await page.waitForURL(/\/login\?next=%2Fusers/);
    await screenshot(page, 'staff-login', 'desktop');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toMatch(/用户名或密码/);
    // After a successful login the visitor lands where they wanted to go.
    await page.getByLabel('密码').fill('Demo2026');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL(/\/users$/);
    await context.close();
  });

  it('admin: creates an organization, with server validation errors shown on the field', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin', '/organizations');
    const brigadeRow = page.getByRole('row', { name: /东湖区城市管理综合行政执法大队/ });
    await brigadeRow.getByRole('button', { name: /下级/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill('东湖区城市管理综合行政执法大队第三中队');
    // A valid code that another unit already uses: the server refuses it, and the form shows why on the field.
    const cityCode = await page.getByRole('row', { name: /云城市城市管理局/ }).getByRole('cell').nth(2).textContent();
    expect(cityCode).toMatch(/^[0-9A-Z]{18}$/);
    await dialog.getByLabel('统一社会信用代码').fill(cityCode!);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents()).toContain('该统一社会信用代码已被其他单位使用');
    // A code with a wrong check character is refused before it is sent.
    await dialog.getByLabel('统一社会信用代码').fill('11539902MB1K4567XX');
    await poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents()).toEqual([expect.stringContaining('统一社会信用代码无效')]);
    await dialog.getByLabel('统一社会信用代码').fill('');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await poll(() => page.getByRole('row', { name: /第三中队/ }).count()).toBe(1);
    await expect(page.getByRole('row', { name: /第三中队/ }).textContent()).resolves.toContain('执法中队');
    await context.close();
  });

  it('admin: creates a user, refusing a taken username on the field', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin', '/users');
    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('钱进');
    await dialog.getByLabel('用户名').fill('wanglei');
    await dialog.getByLabel('初始密码').fill('Qianjin2026');
    await dialog.getByLabel('执法证号').fill('53990219000299');
    await dialog.getByLabel('执法证有效期至').fill('2029-12-31');
    await dialog.getByLabel('执法证有效期至').press('Enter');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents()).toContain('用户名 wanglei 已被使用');
    await dialog.getByLabel('用户名').fill('qianjin');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await poll(() => page.getByRole('row', { name: /钱进/ }).count()).toBe(1);
    const row = await page.getByRole('row', { name: /钱进/ }).textContent();
    expect(row).toContain('53990219000299');
    expect(row).toContain('至 2029-12-31');
    // The new account can log in.
    const other = await h.newPage('desktop');
    await login(other.page, 'qianjin', 'Qianjin2026');
    await expect(other.page.getByTestId('user-menu').textContent()).resolves.toContain('钱进');
    await other.context.close();
    await context.close();
  });

  it('admin: adds a holiday, and the deadline calculator counts it (《行政处罚法》第八十五条)', async () => {
    const { context, page } = await h.signedIn('desktop', 'admin', '/tools/deadline');
    // A retried run starts from the built-in calendar again.
    await page.request.delete('/api/calendar/overrides/2026-06-10');
    // 陈述、申辩期限: three working days after Monday 2026-06-08 → Thursday 2026-06-11.
    const calculate = async () => {
      await page.getByLabel(/起算日期/).fill('2026-06-08');
      await page.getByLabel(/起算日期/).press('Enter');
      await page.getByRole('button', { name: /计\s?算/ }).click();
      await settle(page);
      return page.getByTestId('deadline-result').textContent();
    };
    expect(await calculate()).toContain('期限届满日：2026年6月11日（星期四）');
    await screenshot(page, 'staff-deadline-result', 'desktop');

    await page.goto('/calendar');
    await settle(page);
    const admin = page.getByTestId('year-admin');
    // Type, name, then the date: Enter in the date field submits the form (a form's implicit submission), as an
    // administrator typing day after day does it.
    const day = page.getByTestId('day-admin');
    await day.getByRole('radio', { name: '放假' }).check();
    await day.getByLabel('节日名称（可选）').fill('测试停工日');
    await day.getByLabel('日期').fill('2026-06-10');
    await day.getByLabel('日期').press('Enter');
    await page.getByText('已保存 2026-06-10').waitFor();
    await page.getByRole('combobox').first().click();
    await page.locator('.ant-select-item-option[title="2026年"]').click();
    await page.getByRole('combobox').nth(1).click();
    await page.locator('.ant-select-item-option[title="6月"]').click();
    await page.keyboard.press('Escape');
    await poll(() => page.locator('[data-date="2026-06-10"]').getAttribute('data-working')).toBe('false');
    await expect(admin.getByRole('row', { name: /2026-06-10/ }).textContent()).resolves.toContain('测试停工日');
    await screenshot(page, 'staff-calendar-june', 'desktop');

    // With Wednesday 2026-06-10 a rest day, the third working day is Friday 2026-06-12.
    await page.goto('/tools/deadline');
    await settle(page);
    expect(await calculate()).toContain('期限届满日：2026年6月12日（星期五）');
    await context.close();
  });

  it('officer on a 390-px phone: drawer menu, own certificate, nothing wider than the screen, no admin pages', async () => {
    const { context, page } = await h.newPage('phone');
    await login(page, 'wanglei');
    await page.getByText('我的执法证').waitFor();
    await page.getByText('53990219000201').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'officer-home', 'phone');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.locator('.ant-drawer');
    // 我的待办 carries the count of the officer's to-dos as a badge.
    await poll(async () => (await drawer.getByRole('menuitem').allTextContents()).map((t) => t.replace(/\d+$/, ''))).toEqual(['工作台', '我的待办', '案件办理', '工单办理', '行政检查', '法定期限计算器', '法定工作日历', '个人信息']);
    await drawer.getByRole('menuitem', { name: '法定期限计算器' }).click();
    await page.waitForURL(/\/tools\/deadline$/);
    await settle(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'officer-deadline', 'phone');
    // A typed URL of an admin page shows "no access", not the page.
    await page.goto('/users');
    await settle(page);
    await page.getByText('无权访问此页面').waitFor();
    await context.close();
  });

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`screenshots every main staff page at ${viewport} width`, async () => {
      const { context, page } = await h.newPage(viewport);
      await login(page, 'admin');
      for (const p of staffPages) {
        // Inside the app, as the menu goes (the pages' own loading is what is shown and checked).
        await clientNavigate(page, p.path);
        await screenshot(page, p.name, viewport);
        expect(await page.locator('.ant-alert-error').count(), p.path).toBe(0);
        if (viewport === 'phone') expect(await horizontalOverflow(page), p.path).toBeLessThanOrEqual(0);
      }
      await context.close();
      const login2 = await h.newPage(viewport);
      await login2.page.goto('/login');
      await screenshot(login2.page, 'staff-login', viewport);
      await login2.context.close();
    });
  }

  it('logs out from the user menu', async () => {
    const { context, page } = await h.newPage('desktop');
    await login(page, 'supervisor');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });
});
