/**
 * .docx → PDF through LibreOffice headless (Debian `libreoffice-writer-nogui`), when installed. Each conversion gets
 * its own LibreOffice profile directory, so conversions running at the same time never share (and lock) a profile,
 * and the project's fontconfig alias file, so 仿宋/黑体/楷体/小标宋 map to distinct installed CJK faces.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFParse } from 'pdf-parse';
import { AppError } from '../../domain/errors.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
/** The alias file shipped with the project (see its comments). */
export const FONTCONFIG_FILE = path.join(projectRoot, 'config', 'fontconfig', 'fazhi-fonts.conf');

/** Shown when no PDF can be made; the .docx is still produced. */
export const PDF_UNAVAILABLE_MESSAGE =
  '本机未安装 LibreOffice（soffice），只生成了 .docx 文书；安装 libreoffice-writer-nogui 后可同时生成 PDF。';

const DEFAULT_TIMEOUT_MS = 120_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The LibreOffice executable: FAZHI_SOFFICE, else `soffice` or `libreoffice` on PATH; undefined when absent. */
export function findSoffice(): string | undefined {
  const configured = process.env.FAZHI_SOFFICE;
  if (configured !== undefined) return configured !== '' && existsSync(configured) ? configured : undefined;
  return onPath('soffice') ?? onPath('libreoffice');
}

/** poppler's `pdfunite`, used to bind a case file; undefined when absent. */
export function findPdfUnite(): string | undefined {
  return onPath('pdfunite');
}

function run(file: string, args: string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: options.timeoutMs, env: options.env ?? process.env, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const timedOut = error.killed === true || error.signal === 'SIGTERM';
        reject(
          new AppError('INTERNAL', timedOut ? `${path.basename(file)} 超时（${String(options.timeoutMs / 1000)} 秒）未完成` : `${path.basename(file)} 运行失败：${stderr || error.message}`, {
            command: path.basename(file),
          }),
        );
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

/**
 * Converts .docx files to PDF in one LibreOffice run; returns the PDFs in input order. Throws AppError INTERNAL
 * when LibreOffice is absent, fails or exceeds `timeoutMs`.
 */
export async function convertDocxToPdf(docs: readonly Buffer[], options: { timeoutMs?: number } = {}): Promise<Buffer[]> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('INTERNAL', PDF_UNAVAILABLE_MESSAGE);
  const work = await mkdtemp(path.join(tmpdir(), 'fazhi-pdf-'));
  try {
    const inputs = docs.map((_, i) => path.join(work, `doc-${String(i + 1).padStart(3, '0')}.docx`));
    await Promise.all(docs.map((docx, i) => writeFile(inputs[i] ?? '', docx)));
    const outDir = path.join(work, 'out');
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    await run(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outDir, ...inputs],
      {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        env: { ...process.env, FONTCONFIG_FILE, HOME: work, SAL_USE_VCLPLUGIN: 'svp' },
      },
    );
    return await Promise.all(
      inputs.map(async (input) => {
        const output = path.join(outDir, `${path.basename(input, '.docx')}.pdf`);
        if (!existsSync(output)) throw new AppError('INTERNAL', `LibreOffice 未能把 ${path.basename(input)} 转换为 PDF`);
        return readFile(output);
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Binds PDFs into one, in order, with poppler's pdfunite. */
export async function unitePdfs(pdfs: readonly Buffer[], options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const pdfunite = findPdfUnite();
  if (!pdfunite) throw new AppError('INTERNAL', '本机未安装 pdfunite（poppler-utils），无法装订整本案卷 PDF');
  const work = await mkdtemp(path.join(tmpdir(), 'fazhi-unite-'));
  try {
    const inputs = pdfs.map((_, i) => path.join(work, `part-${String(i + 1).padStart(3, '0')}.pdf`));
    await Promise.all(pdfs.map((pdf, i) => writeFile(inputs[i] ?? '', pdf)));
    const output = path.join(work, 'volume.pdf');
    await run(pdfunite, [...inputs, output], { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return await readFile(output);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Page count and text of each page of a PDF. */
export async function readPdf(pdf: Buffer): Promise<{ pages: number; pageTexts: string[] }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { pages: result.total, pageTexts: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}
