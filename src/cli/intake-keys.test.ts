import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';

let folder: CliFolder;

const fazhi = (...args: string[]) => folder.fazhi(...args);

beforeAll(async () => {
  folder = await cliFolder('intake-cli', 'migrated');
});
afterAll(() => folder.remove());

describe('fazhi intake-key', () => {
  it('create shows the key once, list shows its prefix only, revoke refuses a second time; bad input fails in Chinese', { timeout: 180_000 }, async () => {
    expect((await fazhi('org', 'add', '--name', '东湖区城市管理局', '--kind', 'district_bureau')).code).toBe(0);
    const created = await fazhi('intake-key', 'create', '--system', '云城市12345平台', '--org', '1');
    expect(created.code).toBe(0);
    const secret = /密钥（只显示这一次.*?）：(fz311_\S+)/.exec(created.stdout)?.[1];
    expect(secret).toMatch(/^fz311_[\w-]{43}$/);
    const list = await fazhi('intake-key', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: 1, system: '云城市12345平台', channel: { key: 'hotline', label: '12345热线' }, revokedAt: null })]);
    expect(list.stdout).not.toContain(secret!);
    expect((await fazhi('intake-key', 'revoke', '1')).stdout).toContain('已吊销 云城市12345平台 的接口密钥');
    const again = await fazhi('intake-key', 'revoke', '1');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已于');
    const bad = await fazhi('intake-key', 'create', '--system', '某系统', '--org', '1', '--channel', 'fax');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('来源渠道无效');
    expect(JSON.parse((await fazhi('intake-key', 'list', '--json')).stdout)).toHaveLength(1);
  });
});
