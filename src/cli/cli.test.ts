import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder, fazhiBin, runFazhi } from './testing.ts';
import { embeddedOptions } from '../db/connect.ts';

let folder: CliFolder;
let dataDir: string;
const env = (extra: Record<string, string> = {}) => folder.env(extra);

const fazhi = (...args: string[]) => folder.fazhi(...args);

/** Starts `fazhi start` and resolves once it prints its URL. */
function startServer(port: number): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [fazhiBin, 'start'], { env: env({ PORT: String(port) }) });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('演示账号') || output.includes('接口文档')) setTimeout(() => resolve({ child, output }), 200);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

beforeAll(async () => {
  folder = await cliFolder('cli', 'empty');
  dataDir = folder.dir;
});
afterAll(() => folder.remove());

describe('fazhi CLI on the embedded database', () => {
  it('start: migrates, seeds the demo bureau, serves /api/health and prints the URL and demo logins; a second start on the same directory fails clearly', async () => {
    const port = 38000 + Math.floor(Math.random() * 1000);
    const { child, output } = await startServer(port);
    try {
      expect(output).toContain(`http://127.0.0.1:${port}/`);
      expect(output).toContain('wanglei');
      expect(output).toContain('Demo2026');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

      const second = await fazhi('start');
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain('正被另一个 Fazhi 进程使用');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 120_000);

  it('user add, org list and audit verify work after the server stopped (lock released)', async () => {
    const orgs = await fazhi('org', 'list');
    expect(orgs.code).toBe(0);
    const brigadeId = /(\d+)\t东湖区城市管理综合行政执法大队/.exec(orgs.stdout)![1]!;
    const added = await fazhi('user', 'add', '--org', brigadeId, '--username', 'tianye', '--name', '田野', '--roles', 'officer', '--cert', '53990219000501', '--cert-until', '2028-12-31');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/初始密码（只显示这一次）：\S+/);
    const bad = await fazhi('user', 'add', '--org', brigadeId, '--username', 'X', '--name', '田', '--roles', 'boss');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('用户名');
    expect(bad.stderr).toContain('角色无效');

    const verified = await fazhi('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('审计校验通过');
  }, 120_000);

  it('files sweep removes a stored file no record points to once older than 24 hours; --dry-run only lists it', async () => {
    const digest = 'ab'.repeat(32);
    const orphan = path.join(dataDir, 'files', 'ab', 'ab', digest);
    await mkdir(path.dirname(orphan), { recursive: true });
    await writeFile(orphan, 'orphan');
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await utimes(orphan, old, old);
    const storedBefore = (await readdir(path.join(dataDir, 'files'), { recursive: true })).length;
    const dry = await fazhi('files', 'sweep', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`将删除 ab/ab/${digest}`);
    expect(existsSync(orphan)).toBe(true);
    const swept = await fazhi('files', 'sweep');
    expect(swept.code, swept.stderr).toBe(0);
    expect(swept.stdout).toContain(`已删除 ab/ab/${digest}`);
    expect(swept.stdout).toMatch(/已删除 1 个无引用文件/);
    expect(existsSync(orphan)).toBe(false);
    // The demo's evidence files are referenced: all kept.
    expect((await readdir(path.join(dataDir, 'files'), { recursive: true })).length).toBe(storedBefore - 1);
  }, 120_000);

  it('audit verify exits non-zero naming the first altered record', async () => {
    // Tamper directly in the data files, as someone with disk access would.
    const db = new PGlite(path.join(dataDir, 'pgdata'), embeddedOptions());
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM audit_records WHERE chain LIKE 'user:%' ORDER BY chain, seq LIMIT 1`);
    await db.query(`UPDATE audit_records SET change = jsonb_set(change, '{displayName}', '"篡改"') WHERE id = $1`, [rows[0]!.id]);
    await db.close();
    const verified = await fazhi('audit', 'verify');
    expect(verified.code).toBe(2);
    expect(verified.stdout).toContain(`记录 #${rows[0]!.id}`);
    expect(verified.stdout).toContain('被篡改');
  }, 120_000);

  it('refuses invalid configuration with a readable list', async () => {
    const { code, stderr } = await runFazhi(['db', 'migrate'], env({ PORT: 'abc', DATABASE_URL: 'mysql://x' }));
    expect(code).not.toBe(0);
    expect(stderr).toContain('配置无效');
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('DATABASE_URL');
  });
});

describe('read-only commands', () => {
  it('do not migrate: on a database not at the latest schema they say to run fazhi db migrate, and run once it has', async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), 'fazhi-cli-unmigrated-'));
    const inFresh = (...args: string[]) => runFazhi(args, env({ FAZHI_DATA_DIR: fresh }));
    try {
      for (const args of [['org', 'list'], ['cases', 'list', '--json'], ['audit', 'verify']]) {
        const refused = await inFresh(...args);
        expect(refused.code, args.join(' ')).toBe(1);
        expect(refused.stderr).toContain('数据库尚未迁移到最新版本，请先运行 fazhi db migrate');
      }
      const db = new PGlite(path.join(fresh, 'pgdata'), embeddedOptions());
      const { rows } = await db.query<{ present: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
      await db.close();
      expect(rows[0]!.present).toBe(false);

      expect((await inFresh('db', 'migrate')).code).toBe(0);
      const listed = await inFresh('cases', 'list', '--json');
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([]);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 120_000);
});
