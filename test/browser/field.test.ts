/**
 * Issue 15 in the field, on a phone (390 px): 更正 of a recorded service time from its timeline entry (form,
 * confirmation, the timeline showing old and new value with the reason), the party's signature drawn on the
 * screen for a 送达回证 (signature pad, confirmation, the stored image shown in the timeline), and a body-camera
 * video streamed up with its progress (POST /api/cases/:id/evidence/stream).
 */
import { createHash } from 'node:crypto';
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

/** A demo case under investigation (it takes evidence) and the username of one of its officers. */
async function investigatingCase(): Promise<{ id: number; username: string }> {
  const ctx = h.app.ctx;
  for (const summary of await listCases(ctx, systemActor, { limit: 500 })) {
    if (summary.state !== 'investigating') continue;
    const view = await getCase(ctx, systemActor, summary.id, ctx.clock());
    const officer = view.officers.find((o) => !o.recused);
    if (!officer || view.officers.filter((o) => !o.recused).length < 2) continue;
    const [user] = await ctx.db.select({ username: users.username }).from(users).where(eq(users.id, officer.userId));
    if (user) return { id: view.id, username: user.username };
  }
  throw new Error('演示数据中没有调查中的案件');
}

/** Bytes that start like an MP4 (an `ftyp` box), `size` long. */
function mp4(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]).copy(bytes);
  for (let i = 12; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
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

  it('a body-camera video goes up with its progress (MB sent, percent) and becomes an evidence item with its SM3 digest', async () => {
    const { id, username } = await investigatingCase();
    const { context, page } = await h.signedIn('phone', username, `/cases/${id}`);
    await settle(page);
    const before = await page.getByTestId('evidence-item').count();
    // The server's answer is held until the progress has been seen (on this machine the upload itself is instant).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/cases/*/evidence/stream', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('evidence-card').getByRole('button', { name: /登记证据/ }).click();
    const dialog = page.getByRole('dialog');
    const video = mp4(3 * 1024 * 1024);
    await dialog.locator('input[type=file]').setInputFiles({ name: '执法记录仪_0007.mp4', mimeType: 'video/mp4', buffer: video });
    await expect(dialog.textContent()).resolves.toContain('视频每个不超过 2 GB');
    await dialog.getByLabel('证据名称').fill('执法记录仪视频（现场检查）');
    await dialog.getByLabel('证明对象').fill('证明检查过程及当事人在场');
    await dialog.getByRole('button', { name: /上传并登记/ }).click();
    const progress = dialog.getByTestId('evidence-progress');
    await progress.waitFor();
    await expect(progress.locator('.ant-progress').count()).resolves.toBe(1);
    // The phase and the percent; while the upload runs the phase also says how many MB of the total are sent.
    await expect.poll(() => progress.textContent()).toMatch(/正在(上传|存证).*\d+%/);
    await page.screenshot({ path: path.join(screenshotDir, 'field-video-progress-phone.png') });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    release();
    await expect.poll(() => page.getByTestId('evidence-item').count(), { timeout: 30_000 }).toBe(before + 1);
    const item = page.getByTestId('evidence-item').last();
    await expect(item.textContent()).resolves.toContain('执法记录仪视频（现场检查）');
    await expect(item.textContent()).resolves.toContain(`SM3 ${createHash('sm3').update(video).digest('hex').slice(0, 16)}`);
    await context.close();
  });
});
