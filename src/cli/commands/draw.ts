// `fazhi draw verify FILE.json`: re-runs a downloaded 双随机 draw proof offline and says whether it matches (exit 0/1).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';

export function registerDraw(program: Command): void {
  const draw = program.command('draw').description('双随机抽取');
  draw
    .command('verify')
    .description('离线复核抽取证明（GET /api/public/draws/:id 下载的 JSON）：按公布的种子和名录重新抽取，比对结果')
    .argument('<file>', '抽取证明文件（.json）')
    .action(async (file: string) => {
      const { verifyDrawFile } = await import('./draw-verify.ts');
      const { ok, lines } = verifyDrawFile(file, await readProof(file));
      (ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
      if (!ok) process.exitCode = 1;
    });
}

async function readProof(file: string): Promise<string | Error> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return new Error(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `这是一个目录，不是文件：${file}` : `无法读取文件：${file}`);
  }
}
