/**
 * `npm start` runs compiled JavaScript, not TypeScript through tsx (issue 16 item 4): bin/fazhi.js runs the CLI —
 * the server included — from the bundle bin/compiled-cli.js builds with esbuild when a source changed. This test
 * builds (or finds) that bundle and runs it with plain node: the version, and the server command's help, which loads
 * the command module the server starts from.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('the compiled CLI', () => {
  it('is built from the sources and runs with node alone', async () => {
    const { compiledCli } = (await import(path.join(root, 'bin/compiled-cli.js'))) as { compiledCli: () => Promise<string | null> };
    const url = await compiledCli();
    expect(url).toMatch(/^file:.*node_modules\/\.cache\/fazhi-cli\/.+\/main\.js$/);
    const main = fileURLToPath(url!);
    const env = { ...process.env, NODE_OPTIONS: '' };
    const version = await run(process.execPath, [main, '--version'], { env });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
    const help = await run(process.execPath, [main, 'start', '--help'], { env });
    expect(help.stdout).toContain('一键启动');
    // The bundle is JavaScript: no TypeScript syntax left for a loader to strip.
    expect(readFileSync(main, 'utf8')).not.toMatch(/^import type /m);
  }, 120_000);
});
