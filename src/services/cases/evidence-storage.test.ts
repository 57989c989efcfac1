/**
 * Evidence files and the file store: a refused upload writes nothing, a file is stored only with its committed
 * record, and the orphan sweep removes what no record points to after its grace period (docs/SECURITY.md).
 */
import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { refusal } from '../../domain/test-support.ts';
import type { ServiceContext } from '../context.ts';
import { localFileStore } from '../file-store.ts';
import { ORPHAN_GRACE_MS, sweepOrphanFiles } from '../sweep-files.ts';
import { type World, newCase, newWorld } from '../testing/factories.ts';
import { addEvidence } from './add-evidence.ts';
import type { CaseView } from './get-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let root: string;
let w: World;
/** Files staged (written to a temporary file): a refused upload must not even stage one. */
let staged = 0;
const today = new Date('2026-03-10T01:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  root = await mkdtemp(path.join(tmpdir(), 'fazhi-files-'));
  const store = localFileStore(root);
  staged = 0;
  ctx = { db: handle.db, clock: () => today, files: { ...store, stage: (data) => (staged++, store.stage(data)) } };
  w = await newWorld(ctx);
});
afterEach(() => rm(root, { recursive: true, force: true }));
afterAll(() => handle.close());

/** The cases are built without this file store (the factory's evidence goes to memory): the store holds only what a test adds. */
const casesOnly = (): ServiceContext => ({ db: ctx.db, clock: ctx.clock });

/** Every file under the store's directory, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Nothing was written for the refused uploads: no file on disk, none even staged. */
async function expectNothingWritten(): Promise<void> {
  expect(await filesOnDisk()).toEqual([]);
  expect(staged).toBe(0);
}

const evidence = (c: CaseView, extra: Record<string, unknown> = {}) => ({
  expectedVersion: c.version,
  kind: 'onSiteRecord',
  title: '现场检查笔录',
  fileName: '现场检查笔录.pdf',
  mediaType: 'application/pdf',
  contentBase64: Buffer.alloc(64 * 1024, 7).toString('base64'),
  collectorIds: [w.users.wanglei.id, w.users.zhaogang.id],
  place: '南湖路',
  note: '证明当事人占道经营的事实',
  ...extra,
});

describe('evidence is stored only after the case, scope and permission checks', () => {
  it('an upload to a missing case leaves no file on disk', async () => {
    const c = await newCase(casesOnly(), w, { state: 'investigating' });
    const error = await refusal(addEvidence(ctx, w.actors.wanglei, 2_000_000, evidence(c)));
    expect(error.code).toBe('NOT_FOUND');
    await expectNothingWritten();
  });

  it('an upload to a case outside the user\'s organizations leaves no file on disk', async () => {
    const c = await newCase(casesOnly(), w, { state: 'investigating' });
    const error = await refusal(addEvidence(ctx, w.actors.liuyang, c.id, evidence(c, { collectorIds: [w.users.liuyang.id, w.users.wanglei.id] })));
    expect(error.code).toBe('NOT_FOUND');
    await expectNothingWritten();
  });

  it('an upload by a user who may not add evidence to the case leaves no file on disk', async () => {
    const c = await newCase(casesOnly(), w, { state: 'investigating' });
    // An officer of the same brigade, not assigned to the case.
    expect((await refusal(addEvidence(ctx, w.actors['chief.donghu'], c.id, evidence(c)))).code).toBe('FORBIDDEN');
    // A role that never adds evidence.
    expect((await refusal(addEvidence(ctx, w.actors['reviewer.donghu'], c.id, evidence(c)))).code).toBe('FORBIDDEN');
    // A case not (or no longer) taking evidence.
    const decided = await newCase(casesOnly(), w, { state: 'decided' });
    expect((await refusal(addEvidence(ctx, w.actors.wanglei, decided.id, evidence(decided)))).code).toBe('RULE_VIOLATION');
    await expectNothingWritten();
  });

  it('a failed transaction removes its staged file; a committed one leaves exactly the file under its digest', async () => {
    const c = await newCase(casesOnly(), w, { state: 'investigating' });
    const stale = await refusal(addEvidence(ctx, w.actors.wanglei, c.id, evidence(c, { expectedVersion: c.version + 5 })));
    expect(stale.code).toBe('CONFLICT');
    expect(staged).toBe(1);
    expect(await filesOnDisk()).toEqual([]);
    const added = await addEvidence(ctx, w.actors.wanglei, c.id, evidence(c));
    expect(await filesOnDisk()).toEqual([path.join(added.digest.slice(0, 2), added.digest.slice(2, 4), added.digest)]);
  });
});

describe('the orphan sweep', () => {
  const day = 24 * 60 * 60 * 1000;
  async function orphan(name: string, ageMs: number): Promise<string> {
    const digest = name.padEnd(64, '0');
    const dir = path.join(root, digest.slice(0, 2), digest.slice(2, 4));
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, digest);
    await writeFile(file, 'orphan');
    const when = new Date(Date.now() - ageMs);
    await utimes(file, when, when);
    return path.join(digest.slice(0, 2), digest.slice(2, 4), digest);
  }

  it('removes an orphan file older than the grace period, keeps a young orphan and a referenced file', async () => {
    const sweepCtx = { ...ctx, clock: () => new Date() };
    const c = await newCase(casesOnly(), w, { state: 'investigating' });
    const added = await addEvidence(ctx, w.actors.wanglei, c.id, evidence(c));
    const referenced = path.join(added.digest.slice(0, 2), added.digest.slice(2, 4), added.digest);
    const old = new Date(Date.now() - 3 * day);
    await utimes(path.join(root, referenced), old, old);
    const oldOrphan = await orphan('aa', ORPHAN_GRACE_MS + 60_000);
    const youngOrphan = await orphan('bb', ORPHAN_GRACE_MS - 60 * 60_000);
    // A temporary file left by an upload that never finished, and one still being written.
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    await writeFile(path.join(root, 'tmp', 'left.tmp'), 'x');
    await utimes(path.join(root, 'tmp', 'left.tmp'), old, old);
    await writeFile(path.join(root, 'tmp', 'uploading.tmp'), 'x');

    const dry = await sweepOrphanFiles(sweepCtx, { dryRun: true });
    expect(dry.removed.map((e) => e.key).sort()).toEqual([oldOrphan, path.join('tmp', 'left.tmp')].sort());
    expect((await filesOnDisk()).length).toBe(5);

    const swept = await sweepOrphanFiles(sweepCtx);
    expect(swept.removed.map((e) => e.key).sort()).toEqual([oldOrphan, path.join('tmp', 'left.tmp')].sort());
    expect((await filesOnDisk()).sort()).toEqual([referenced, youngOrphan, path.join('tmp', 'uploading.tmp')].sort());
    expect(await ctx.files!.verify(added.digest)).toBe(true);
  });
});
