/**
 * Issue 15 in the field, on a phone (390 px): 更正 of a recorded service time from its timeline entry (form,
 * confirmation, the timeline showing old and new value with the reason), and the party's signature drawn on the
 * screen for a 送达回证 (signature pad, confirmation, the stored image shown in the timeline).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.ts';
import { users } from '../../src/db/schema.ts';
import { getCase } from '../../src/services/cases/get-case.ts';
import { listCases } from '../../src/services/cases/list-cases.ts';
import path from 'node:path';
import { type Harness, horizontalOverflow, screenshotDir, settle, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

/** A demo case with a 送达回证 whose time may be corrected, and the username of one of its officers. */
async function servedCase(): Promise<{ id: number; username: string }> {
  const ctx = h.app.ctx;
  for (const summary of await listCases(ctx, systemActor, { limit: 500 })) {
    if (!['notified', 'hearing', 'decided', 'enforcing', 'served'].includes(summary.state)) continue;
    const view = await getCase(ctx, systemActor, summary.id, ctx.clock());
    const target = view.corrections.find((t) => t.fields.some((f) => f.field === 'serviceTime' && f.locked === null));
    const officer = view.officers.find((o) => !o.recused);
    if (!target || !officer) continue;
    const [user] = await ctx.db.select({ username: users.username }).from(users).where(eq(users.id, officer.userId));
    if (user) return { id: view.id, username: user.username };
  }
  throw new Error('演示数据中没有已送达的案件');
}

describe('correction and signature in the field (390 px)', { timeout: 240_000 }, () => {
  it('更正 of a service time from the timeline: the form, the confirmation, then old and new value with the reason', async () => {
    const { id, username } = await servedCase();
    const { context, page } = await h.signedIn('phone', username, `/cases/${id}`);
    await settle(page);
    const timeline = page.getByTestId('case-timeline');
    await timeline.locator('[data-testid^=correct-entry-]').first().click();
    const dialog = page.getByTestId('correction-dialog');
    await dialog.getByTestId('correction-value').waitFor();
    // The first field that may be corrected is chosen; the record's current value and the legal footing are shown.
    await expect(dialog.textContent()).resolves.toContain('原记录');
    await dialog.getByTestId('correction-value').fill('16:20');
    await dialog.getByTestId('correction-reason').fill('送达回证记载为16:20，录入有误');
    await page.screenshot({ path: path.join(screenshotDir, 'field-correction-phone.png') });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Enter does not send it: only the button, after the confirmation.
    await dialog.getByTestId('correction-reason').press('Enter');
    await dialog.getByTestId('correction-submit').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '确认更正？' });
    await expect(confirm.textContent()).resolves.toContain('不可撤回');
    await confirm.getByRole('button', { name: '确认更正' }).click();
    await dialog.waitFor({ state: 'detached' });
    const shown = timeline.getByTestId('timeline-correction').last();
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toMatch(/送达时间（时:分）：.+ → 16:20/);
    await expect(shown.textContent()).resolves.toContain('理由：送达回证记载为16:20，录入有误');
    await context.close();
  });

  it('the party signs a 送达回证 on the screen: drawn, confirmed, stored and shown in the timeline', async () => {
    const { id, username } = await servedCase();
    const { context, page } = await h.signedIn('phone', username, `/cases/${id}`);
    await settle(page);
    const timeline = page.getByTestId('case-timeline');
    await timeline.locator('[data-testid^=sign-entry-]').first().click();
    const dialog = page.getByTestId('signature-dialog');
    const canvas = dialog.getByTestId('signature-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(390);
    // Save stays off until something is drawn.
    expect(await dialog.getByTestId('signature-save').isDisabled()).toBe(true);
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 120 + (i % 2 ? -40 : 30));
    await page.mouse.up();
    await page.screenshot({ path: path.join(screenshotDir, 'field-signature-phone.png') });
    await dialog.getByTestId('signature-save').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '确认保存当事人签名？' });
    await confirm.getByRole('button', { name: '确认保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    const signature = timeline.getByTestId('timeline-signature').first();
    await signature.waitFor();
    await expect(signature.textContent()).resolves.toContain('SM3');
    const img = signature.locator('img');
    await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth > 0)).toBe(true);
    await signature.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'field-timeline-phone.png') });
    await context.close();
  });
});
