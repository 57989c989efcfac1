/**
 * `fazhi report render` and `fazhi report verify FILE.pdf` (issue #19 item 8; docs/REPORTS.md): a report of the
 * factories' small world is drafted, reviewed, approved and published through the services on a data folder, as the
 * server would (its key in the folder's key file, its files in the folder's store); the CLI renders it and verifies
 * its PDF (exit 0), then verification fails (exit 1, with the reason) once an audit record is changed in the database.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';
import { openPglite } from '../db/connect.ts';
import type { ServiceContext } from '../services/context.ts';
import { findSoffice } from '../services/documents/pdf.ts';
import { localFileStore } from '../services/file-store.ts';
import { enterManualIndicator } from '../services/indicators/manual-entries.ts';
import { fileReportKeys } from '../services/reports/key-store.ts';
import { createDraft, saveDraft } from '../services/reports/reports.ts';
import { reportFile } from '../services/reports/report-file.ts';
import { transitionReport } from '../services/reports/transition-report.ts';
import { newWorld } from '../services/testing/factories.ts';

const year = 2025;
let folder: CliFolder;
let dataDir: string;
let pdfFile: string;
const hasSoffice = findSoffice() !== undefined;

const fazhi = (...args: string[]) => folder.fazhi(...args);

beforeAll(async () => {
  folder = await cliFolder('report-verify', 'migrated');
  dataDir = folder.dir;
  if (!hasSoffice) return;
  const handle = await openPglite(dataDir);
  try {
    // 20 March 2026: the 2025 report is published on time.
    const ctx: ServiceContext = { db: handle.db, clock: () => new Date('2026-03-20T02:00:00Z'), files: localFileStore(path.join(dataDir, 'files')), reportKeys: fileReportKeys(path.join(dataDir, 'keys')) };
    const w = await newWorld(ctx);
    const unit = w.org.district.id;
    const head = w.actors['head.donghu'];
    const reviewer = w.actors['reviewer.donghu'];
    await enterManualIndicator(ctx, reviewer, unit, 'law_study_sessions', { year, value: 4, sourceNote: '党组理论学习中心组记录' });
    let r = await createDraft(ctx, head, unit, year);
    r = await saveDraft(ctx, head, unit, year, { expectedVersion: r.version, edits: [{ paragraphId: 'plan:narrative', text: '2026年，继续推进严格规范公正文明执法。' }] });
    for (const [actor, action] of [
      [head, 'submitForReview'],
      [reviewer, 'passReview'],
      [head, 'approve'],
      [head, 'publish'],
    ] as const) {
      r = await transitionReport(ctx, actor, unit, year, { action, expectedVersion: r.version });
    }
    expect(r).toMatchObject({ state: 'published', late: false });
    pdfFile = path.join(dataDir, 'report.pdf');
    await writeFile(pdfFile, (await reportFile(ctx, head, unit, year, 'pdf')).data);
  } finally {
    await handle.close();
  }
}, 600_000);
afterAll(() => folder.remove());

describe.skipIf(!hasSoffice)('fazhi report render / verify', () => {
  it('the key file is readable by the server’s user only', async () => {
    expect((await stat(path.join(dataDir, 'keys', 'report-signing-key.json'))).mode & 0o777).toBe(0o600);
  });

  it('render writes the published report', { timeout: 180_000 }, async () => {
    const out = path.join(dataDir, 'out.docx');
    const { code, stdout, stderr } = await fazhi('report', 'render', '--org', '东湖区城市管理和综合行政执法局', '--year', String(year), '--out', out);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('已公开的报告');
    expect((await stat(out)).size).toBeGreaterThan(5000);
    const bad = await fazhi('report', 'render', '--org', '东湖区城市管理和综合行政执法局', '--year', String(year), '--out', path.join(dataDir, 'out.txt'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('输出文件须为 .docx 或 .pdf');
  });

  it('verify: intact → exit 0; an audit record changed after publication → exit 1 with the reason', { timeout: 180_000 }, async () => {
    const ok = await fazhi('report', 'verify', pdfFile);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('SM2 签名有效');
    expect(ok.stdout).toContain('校验通过');

    const handle = await openPglite(dataDir);
    try {
      await handle.db.execute(sql`UPDATE audit_records SET change = jsonb_set(change, '{value}', '40') WHERE action = 'indicator.manual'`);
    } finally {
      await handle.close();
    }
    const tampered = await fazhi('report', 'verify', pdfFile);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('校验失败：审计记录校验失败');
    expect(tampered.stderr).toContain('indicatorEntry:');
  });

  it('verify refuses a file that is not a published report', { timeout: 120_000 }, async () => {
    const other = path.join(dataDir, 'other.pdf');
    await writeFile(other, 'not a pdf');
    const r = await fazhi('report', 'verify', other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/校验失败：(无法读取该 PDF 文件|文件中没有可读取的审计校验附件)/);
  });
});
