/**
 * Issue 15: the party's signature drawn on the screen is printed where the party signs — the 送达回证's
 * 受送达人签名或盖章 (《行政处罚法》第六十一条), the 询问笔录's 被询问人签名 and the 现场检查（勘验）笔录's
 * 当事人（在场人）签名 (第五十五条) — as the image stored under its SM3 digest, with the day it was drawn. Without a
 * signature the place stays blank for a hand signature. Cases built through the public services, rendered as .docx
 * (no PDF) and read back.
 */
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import { sm3 } from '../../domain/audit/digest.ts';
import type { Block, Cell } from '../../domain/documents/blocks.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { refusal } from '../../domain/test-support.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import type { CaseView } from '../cases/get-case.ts';
import { addPartySignature } from '../cases/party-signature.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { renderDocumentForCase } from './render-for-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let files: ReturnType<typeof memoryFileStore>;
let w: World;

const at = (date: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${date}T01:00:00Z`) });

const profile = {
  agencyName: '云城市东湖区城市管理和综合行政执法局',
  agencyAddress: '云城市东湖区湖滨路1号',
  contactPerson: '王磊',
  contactPhone: '0871-66001234',
  reconsiderationBody: '云城市东湖区人民政府',
  court: '云城市东湖区人民法院',
  paymentBank: '中国工商银行东湖支行',
  paymentAccountName: '云城市东湖区财政局非税收入专户',
  paymentAccountNo: '2502012345678901234',
  caseNumberPrefix: '云东城管立字',
};

beforeAll(async () => {
  handle = await createTestDatabase();
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  files = memoryFileStore();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z'), files };
  w = await newWorld(ctx);
  await setCaseSettings(ctx, systemActor, w.org.district.id, profile);
});
afterAll(() => handle.close());

/** A real PNG of `width`×`height` grey pixels whose shade is `shade` (so each test's signature has its own digest). */
function signaturePng(width: number, height: number, shade: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, shade)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The document as rendered: its blocks, and the .docx's media files and main XML. */
async function render(c: CaseView, type: string, date = '2026-03-20') {
  const result = await renderDocumentForCase(at(date), w.actors.wanglei, { code: c.actCode, type, pdf: false });
  if (result.kind !== 'document') throw new Error('expected one document');
  const zip = await JSZip.loadAsync(result.file.docx);
  const media = await Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).map(async (name) => zip.file(name)!.async('nodebuffer')));
  return { blocks: result.file.content.blocks, media, xml: await zip.file('word/document.xml')!.async('string') };
}

const signLines = (blocks: Block[]) => blocks.find((b): b is Extract<Block, { kind: 'signLines' }> => b.kind === 'signLines')!;
const recipientCell = (blocks: Block[]): Cell => {
  const table = blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;
  return table.rows.find((row) => row[0]?.text === '受送达人签名或盖章')![1]!;
};

async function sign(c: CaseView, target: string, png: Buffer, date: string): Promise<CaseView> {
  const added = await addPartySignature(at(date), w.actors.wanglei, c.id, { expectedVersion: c.version, target, pngBase64: png.toString('base64') });
  return { ...c, version: added.version };
}

describe('the party’s signature on the documents (《行政处罚法》第五十五条、第六十一条)', () => {
  it('第六十一条: the 送达回证 prints the recipient’s signature drawn on the screen, with its day; unsigned it is left blank for a hand signature', async () => {
    const c = await newCase(ctx, w, { state: 'notified' });
    const unsigned = await render(c, '送达回证');
    expect(recipientCell(unsigned.blocks)).toMatchObject({ text: '\n\n年\u3000\u3000月\u3000\u3000日\u3000' });
    expect(recipientCell(unsigned.blocks).image).toBeUndefined();
    const png = signaturePng(300, 100, 40);
    const signed = await sign(c, 'services.0', png, '2026-03-12');
    const printed = await render(signed, '送达回证');
    expect(recipientCell(printed.blocks)).toMatchObject({ text: '2026年3月12日\u3000', image: { digest: sm3(png), alt: '受送达人签名' } });
    // The .docx holds the very image (byte for byte) and places it in the document with its digest in the description.
    expect(unsigned.media.some((m) => m.equals(png))).toBe(false);
    expect(printed.media.some((m) => m.equals(png))).toBe(true);
    expect(printed.xml).toContain(`SM3 ${sm3(png)}`);
    expect(unsigned.xml).not.toContain('当事人在屏幕上手写的签名');
  });

  it('第五十五条: the 询问笔录 and the 现场检查笔录 print the signature after 被询问人签名 / 当事人（在场人）签名, each only on its own record', async () => {
    let c = await newCase(ctx, w, { state: 'investigating' });
    const officers = [w.users.wanglei.id, w.users.zhaogang.id];
    c = await transitionCase(at('2026-03-04'), w.actors.wanglei, c.id, {
      expectedVersion: c.version,
      action: 'recordInspection',
      startAt: '2026-03-04T09:30',
      endAt: '2026-03-04T10:10',
      place: '云城市东湖区南湖路32号',
      inspectorIds: officers,
      recorderId: w.users.zhaogang.id,
      presentPerson: '赵志强（当事人）',
      findings: '南湖路32号门前人行道上摆放货架两个，占用人行道约6平方米。',
    });
    c = await transitionCase(at('2026-03-04'), w.actors.wanglei, c.id, {
      expectedVersion: c.version,
      action: 'recordInquiry',
      startAt: '2026-03-04T14:00',
      endAt: '2026-03-04T14:40',
      place: '东湖区执法大队询问室',
      interviewee: { name: '赵志强', idNumber: '539902197804120311', address: '云城市东湖区湖滨路56号', phone: '13978041231', relation: '当事人' },
      questionerIds: officers,
      recorderId: w.users.zhaogang.id,
      rightsAnswer: '看清楚了，不申请回避。',
      exchanges: [{ question: '门前的货架是谁摆的？', answer: '是我摆的。' }],
    });
    const png = signaturePng(600, 150, 90);
    c = await sign(c, 'inquiries.0', png, '2026-03-04');
    const inquiry = await render(c, '询问笔录');
    const lines = signLines(inquiry.blocks);
    expect(lines.lines[2]).toBe('被询问人签名：\t2026年3月4日');
    expect(lines.images).toEqual([{ line: 2, image: { digest: sm3(png), alt: '被询问人签名' } }]);
    expect(inquiry.media.some((m) => m.equals(png))).toBe(true);
    // The inspection record was not signed on the screen: its line stays blank for a hand signature, no image.
    const inspection = await render(c, '现场检查（勘验）笔录');
    expect(signLines(inspection.blocks).lines[2]).toBe('当事人（在场人）签名：\t年\u3000\u3000月\u3000\u3000日');
    expect(signLines(inspection.blocks).images).toBeUndefined();
    expect(inspection.media.some((m) => m.equals(png))).toBe(false);
    const present = signaturePng(400, 200, 120);
    c = await sign(c, 'inspections.0', present, '2026-03-05');
    const signedInspection = await render(c, '现场检查（勘验）笔录');
    expect(signLines(signedInspection.blocks).lines[2]).toBe('当事人（在场人）签名：\t2026年3月5日');
    expect(signedInspection.media.some((m) => m.equals(present))).toBe(true);
    expect(signedInspection.media.some((m) => m.equals(png))).toBe(false);
  });

  it('a signature image altered in the file store is never printed: the document is refused', async () => {
    const c = await newCase(ctx, w, { state: 'notified' });
    const png = signaturePng(300, 100, 200);
    const signed = await sign(c, 'services.0', png, '2026-03-12');
    files.tamper(sm3(png), signaturePng(300, 100, 201));
    expect((await refusal(renderDocumentForCase(at('2026-03-20'), w.actors.wanglei, { code: signed.actCode, type: '送达回证', pdf: false }))).message).toContain('可能已被篡改');
  });
});
