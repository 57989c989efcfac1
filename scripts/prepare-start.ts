/**
 * `npm start`'s prestart step: everything a first start would otherwise make while the user waits, each made once
 * and checked in milliseconds afterwards —
 * - the web app (dist/web, ./ensure-web-build.ts), rebuilt when its sources change;
 * - the `fazhi` command compiled to JavaScript (bin/compiled-cli.js), rebuilt when a source changes;
 * - the template of the empty, migrated embedded database (src/db/template.ts), remade when the migrations change —
 *   so a new data folder is a copy instead of PGlite's initdb and every migration (not needed with DATABASE_URL).
 * A failure of the last two is reported and does not stop the start: the CLI then runs through tsx, a new database is
 * created by initdb.
 */
import path from 'node:path';
import { ensureDatabaseTemplate } from '../src/db/template.ts';
import { ensureWebBuild } from './ensure-web-build.ts';

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  await ensureWebBuild();
  const { compiledCli } = (await import(path.join(root, 'bin/compiled-cli.js'))) as { compiledCli: () => Promise<string | null> };
  await compiledCli();
  if (!process.env.DATABASE_URL) {
    const started = Date.now();
    try {
      const { made } = await ensureDatabaseTemplate();
      if (made) process.stdout.write(`已生成空数据库模板（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒），新数据目录将由模板复制\n`);
    } catch (error) {
      process.stderr.write(`未能生成空数据库模板（新数据目录将直接初始化）：${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
