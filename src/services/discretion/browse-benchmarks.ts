/**
 * Reading benchmarks and exemption lists: for staff (versions they may read, by the scope rule of store.ts) and
 * for the public portal — 《行政处罚法》第三十四条: 行政机关可以依法制定行政处罚裁量基准…裁量基准应当向社会公布.
 * The public sees every published version (published on or before today) and nothing about who imported it.
 */
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { idParam } from '../../domain/ids.ts';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { BenchmarkItem, ExemptionItem } from '../../domain/discretion/index.ts';
import { itemCitation, partyKindLabels, sourceTitle, versionInForce, versionState, versionStateLabels, type VersionStatus } from '../../domain/discretion/index.ts';
import { notFound } from '../../domain/errors.ts';
import type { Executor } from '../../db/connect.ts';
import { benchmarkItems, benchmarkSourceRows, benchmarkVersions, exemptionItems, organizations } from '../../db/schema.ts';
import { todayOf } from '../cases/case-store.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { type TableExport, tableToXlsx } from './files.ts';
import { loadVisibleVersion, toDomainVersion, type VersionKind, versionKindKeys, versionKinds, type VersionRow, visibleVersionsCondition } from './store.ts';
import { benchmarkSheetName } from '../discretion-xlsx.ts';
import type {
  ItemDetail,
  ItemSummary,
  PublicBenchmarks,
  PublicBenchmarkVersion,
  PublicExemptionList,
  PublicExemptions,
  VersionSummary,
} from '../../domain/discretion/views.ts';

export type { ItemDetail, ItemSummary, PublicBenchmarkVersion, PublicExemptionList, VersionSummary } from '../../domain/discretion/views.ts';


export const listVersionsInput = z.object({ kind: z.enum(versionKindKeys, { message: '类型应为 benchmark 或 exemption' }).optional() });

async function summaries(db: Executor, rows: VersionRow[], today: IsoDate): Promise<VersionSummary[]> {
  const orgIds = [...new Set(rows.map((r) => r.organizationId).filter((id): id is number => id !== null))];
  const orgs = orgIds.length ? await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds)) : [];
  // In force: among the versions of the same kind and organization, the one versionInForce picks for today.
  const allOfScopes = rows.length ? await db.select().from(benchmarkVersions) : [];
  return rows.map((r) => {
    const peers = allOfScopes.filter((v) => v.kind === r.kind && v.organizationId === r.organizationId).map(toDomainVersion);
    const org = orgs.find((o) => o.id === r.organizationId);
    const inForce = versionInForce(peers, today)?.row.id === r.id;
    const state = versionState({ status: r.status as VersionStatus, effectiveFrom: r.effectiveFrom }, today, inForce);
    return {
      id: r.id,
      kind: r.kind as VersionKind,
      kindLabel: versionKinds[r.kind as VersionKind],
      name: r.name,
      issuer: r.issuer,
      documentNumber: r.documentNumber,
      organization: org ? { id: org.id, name: org.name } : null,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      publishedOn: r.publishedOn,
      state,
      stateLabel: versionStateLabels[state],
      inForce,
      ruleCount: r.ruleCount,
      itemCount: r.itemCount,
      rejectedCount: r.rejectedCount,
      withdrawalReason: r.withdrawalReason,
    };
  });
}

/** Versions the actor may read, newest first. */
export async function listBenchmarkVersions(ctx: ServiceContext, actor: Actor, raw: unknown = {}): Promise<VersionSummary[]> {
  const input = parseInput(listVersionsInput, raw);
  const rows = await ctx.db
    .select()
    .from(benchmarkVersions)
    .where(and(visibleVersionsCondition(actor), input.kind ? eq(benchmarkVersions.kind, input.kind) : undefined))
    .orderBy(desc(benchmarkVersions.id));
  return summaries(ctx.db, rows, todayOf(ctx.clock));
}


export const itemQuery = z.object({
  q: z.string().trim().max(50, '关键词不超过 50 个字').optional(),
  category: z.string().trim().max(30).optional(),
});

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

async function itemSummaries(db: Executor, versionId: number, query: z.infer<typeof itemQuery>): Promise<ItemSummary[]> {
  const conditions: (SQL | undefined)[] = [eq(benchmarkItems.versionId, versionId)];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conditions.push(sql`(${benchmarkItems.name} like ${like} or ${benchmarkItems.penaltyProvision} like ${like} or ${benchmarkItems.code} = ${query.q})`);
  }
  if (query.category) conditions.push(eq(benchmarkItems.category, query.category));
  const rows = await db
    .select({
      id: benchmarkItems.id,
      itemKey: benchmarkItems.itemKey,
      code: benchmarkItems.code,
      name: benchmarkItems.name,
      category: benchmarkItems.category,
      penaltyProvision: benchmarkItems.penaltyProvision,
      statutoryRange: benchmarkItems.statutoryRange,
      partyKind: benchmarkItems.partyKind,
      tierCount: benchmarkItems.tierCount,
    })
    .from(benchmarkItems)
    .where(and(...conditions))
    .orderBy(asc(benchmarkItems.position));
  return rows.map((r) => ({ ...r, partyKind: partyKindLabels[r.partyKind as keyof typeof partyKindLabels] ?? r.partyKind }));
}

/** Items of one benchmark version the actor may read. */
export async function listBenchmarkItems(ctx: ServiceContext, actor: Actor, versionId: number, raw: unknown = {}): Promise<ItemSummary[]> {
  const query = parseInput(itemQuery, raw);
  const version = await loadVisibleVersion(ctx.db, actor, versionId);
  if (version.kind !== 'benchmark') throw notFound('该裁量基准版本', { id: versionId });
  return itemSummaries(ctx.db, versionId, query);
}


function detail(row: { id: number; item: unknown }, version: VersionRow): ItemDetail {
  const item = row.item as BenchmarkItem;
  return {
    id: row.id,
    version: { id: version.id, name: version.name, effectiveFrom: version.effectiveFrom, publishedOn: version.publishedOn },
    citation: itemCitation(item),
    code: item.code,
    name: item.name,
    category: item.category,
    regulation: item.regulation,
    violatedProvision: item.violatedProvision,
    penaltyProvision: item.penaltyProvision,
    statutoryRange: item.statutoryRange.text,
    partyKind: partyKindLabels[item.partyKind],
    source: { title: sourceTitle(item.source.name), name: item.source.name, url: item.source.url },
    tiers: item.tiers.map((t) => ({ code: t.code, name: t.name, conditionText: t.conditionText, standard: t.standard.text, note: t.note })),
  };
}

/** One benchmark item with its tiers, when the actor may read its version. */
export async function getBenchmarkItem(ctx: ServiceContext, actor: Actor, itemId: number): Promise<ItemDetail> {
  const [row] = await ctx.db.select({ id: benchmarkItems.id, item: benchmarkItems.item, versionId: benchmarkItems.versionId }).from(benchmarkItems).where(eq(benchmarkItems.id, itemId));
  if (!row) throw notFound('该裁量基准事项', { id: itemId });
  const version = await loadVisibleVersion(ctx.db, actor, row.versionId).catch(() => {
    throw notFound('该裁量基准事项', { id: itemId });
  });
  return detail(row, version);
}

// ——— Public (no login) ———


export const publicBenchmarkQuery = itemQuery.extend({ versionId: idParam('版本编号').optional() });

/**
 * What the portal shows: confirmed versions from their effective (= publication) date — the one in force and the
 * earlier ones cases were decided on. Not drafts, not a scheduled version before its date, not a withdrawn one.
 */
const onPortal = (today: IsoDate) => and(eq(benchmarkVersions.status, 'confirmed'), lte(benchmarkVersions.publishedOn, today), lte(benchmarkVersions.effectiveFrom, today));

async function publishedVersions(db: Executor, kind: VersionKind, today: IsoDate, versionId?: number): Promise<VersionSummary[]> {
  const rows = await db
    .select()
    .from(benchmarkVersions)
    .where(and(eq(benchmarkVersions.kind, kind), onPortal(today), versionId ? eq(benchmarkVersions.id, versionId) : undefined))
    .orderBy(desc(benchmarkVersions.id));
  return summaries(db, rows, today);
}

const publicVersion = ({ organization, rejectedCount: _rejected, withdrawalReason: _reason, ...v }: VersionSummary) => ({ ...v, organizationName: organization?.name ?? null });

/** Published benchmark versions with their items (《行政处罚法》第三十四条). */
export async function listPublicBenchmarks(db: Executor, today: IsoDate, raw: unknown = {}): Promise<PublicBenchmarks> {
  const query = parseInput(publicBenchmarkQuery, raw);
  const versions = await publishedVersions(db, 'benchmark', today, query.versionId);
  const out: PublicBenchmarkVersion[] = [];
  for (const v of versions) out.push({ ...publicVersion(v), items: await itemSummaries(db, v.id, query) });
  return { versions: out };
}

/** One published benchmark item with its tiers; NOT_FOUND when its version is not (yet) published. */
export async function getPublicBenchmarkItem(db: Executor, today: IsoDate, itemId: number): Promise<ItemDetail> {
  const [row] = await db
    .select({ id: benchmarkItems.id, item: benchmarkItems.item, version: benchmarkVersions })
    .from(benchmarkItems)
    .innerJoin(benchmarkVersions, eq(benchmarkVersions.id, benchmarkItems.versionId))
    .where(and(eq(benchmarkItems.id, itemId), onPortal(today)));
  if (!row) throw notFound('该裁量基准事项', { id: itemId });
  return detail(row, row.version);
}


/** Published exemption lists (首违不罚/轻微免罚清单) with their items. */
export async function listPublicExemptions(db: Executor, today: IsoDate): Promise<PublicExemptions> {
  const versions = await publishedVersions(db, 'exemption', today);
  const lists: PublicExemptionList[] = [];
  for (const v of versions) {
    const rows = await db.select({ id: exemptionItems.id, item: exemptionItems.item }).from(exemptionItems).where(eq(exemptionItems.versionId, v.id)).orderBy(asc(exemptionItems.position));
    lists.push({
      ...publicVersion(v),
      items: rows.map(({ id, item }) => {
        const e = item as ExemptionItem;
        return { id, code: e.code, matter: e.matter, basis: e.basis, type: e.typeText, conditionText: e.conditionText, commitmentRequired: e.commitmentRequired, source: sourceTitle(e.source.name) };
      }),
    });
  }
  return { lists };
}

// ——— Export ———

/** A version as XLSX in the import layout, for the legal section to edit and re-import. */
export async function exportBenchmarkVersion(ctx: ServiceContext, actor: Actor, versionId: number): Promise<{ fileName: string; data: Buffer; rows: number }> {
  const version = await loadVisibleVersion(ctx.db, actor, versionId);
  const rows = await ctx.db.select().from(benchmarkSourceRows).where(eq(benchmarkSourceRows.versionId, versionId)).orderBy(asc(benchmarkSourceRows.row));
  const table: TableExport = {
    sheetName: version.kind === 'benchmark' ? benchmarkSheetName : versionKinds.exemption,
    commentLines: version.commentLines as string[],
    header: version.header as string[],
    rows: rows.map((r) => ({ sourceRow: r.row, cells: r.cells as string[], rejection: r.rejection })),
    notes: [
      `${versionKinds[version.kind as VersionKind]}：${version.name}（版本 ${version.id}）`,
      version.status === 'draft' || version.status === 'discarded'
        ? `${version.status === 'draft' ? '草稿' : '已放弃的草稿'}，未公布、未施行（拟自 ${version.effectiveFrom} 起施行）`
        : `自 ${version.effectiveFrom} 起施行${version.effectiveTo ? `，至 ${version.effectiveTo} 止` : ''}；${version.publishedOn} 公布${version.status === 'withdrawn' ? `；已撤回：${version.withdrawalReason}` : ''}`,
      `导入文件：${version.fileName}（${version.format.toUpperCase()}，${version.rowCount} 行数据，导入 ${version.ruleCount} 条，未导入 ${version.rejectedCount} 行）`,
      '修改后可用「fazhi benchmarks import」或系统导入功能重新导入，形成新的版本。',
    ],
  };
  const safeName = version.name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  return { fileName: `${safeName}-v${version.id}.xlsx`, data: await tableToXlsx(table), rows: rows.length };
}
