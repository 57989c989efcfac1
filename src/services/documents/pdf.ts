/**
 * .docx → PDF through LibreOffice headless (Debian `libreoffice-writer-nogui`), when installed, with the project's
 * fontconfig alias file, so 仿宋/黑体/楷体/小标宋 map to distinct installed CJK faces.
 *
 * Fast path: results cached by content (pdf-cache.ts), and one LibreOffice kept warm (warm-office.ts, needs Debian
 * `python3-uno`) converting the documents of a request in one batch. Fallback: a one-shot `soffice --convert-to`
 * run per batch with a profile of its own, when the warm process cannot start or FAZHI_SOFFICE_WARM=0.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sm3 } from '../../domain/audit/digest.ts';
import { AppError } from '../../domain/errors.ts';
import { docxContentDigest, pdfCache } from './pdf-cache.ts';
import { officeBinary, OfficeUnavailable, sharedOffice, sharedOfficePid, stopSharedOffice, unoPython, type WarmOffice } from './warm-office.ts';

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
 * The environment of every LibreOffice process (one-shot and warm) — the one place to add a variable: a private HOME
 * (LibreOffice writes there), the project's font aliases, the headless VCL plugin.
 */
export function sofficeEnvironment(home: string): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_FILE, HOME: home, SAL_USE_VCLPLUGIN: 'svp' };
}

/** What a conversion's result depends on besides the .docx: LibreOffice's binary, the font configuration, the environment. */
async function converterFingerprint(soffice: string): Promise<string> {
  const binary = officeBinary(soffice);
  const fontDir = path.dirname(FONTCONFIG_FILE);
  const fonts = await Promise.all(
    (await readdir(fontDir).catch(() => [] as string[])).sort().map(async (name) => `${name}:${sm3(await readFile(path.join(fontDir, name)).catch(() => Buffer.alloc(0)))}`),
  );
  const env = sofficeEnvironment('');
  const changed = Object.keys(env)
    .filter((key) => key !== 'HOME' && env[key] !== process.env[key])
    .sort()
    .map((key) => `${key}=${env[key] ?? ''}`);
  const built = await stat(binary).then((s) => String(s.mtimeMs)).catch(() => '');
  return sm3(Buffer.from(JSON.stringify({ version: 1, binary, built, fonts, env: changed })));
}

let converted = 0;
/** How many documents LibreOffice has converted in this process (cache hits are not conversions). */
export function pdfConversionCount(): number {
  return converted;
}

/** Until when the warm process is not tried again after it failed to start (one-shot conversions meanwhile). */
let warmRetryAt = 0;
const WARM_RETRY_MS = 10 * 60_000;

/** The warm LibreOffice for `soffice`, or undefined when it is switched off (FAZHI_SOFFICE_WARM=0) or cannot run. */
function warmOffice(soffice: string): WarmOffice | undefined {
  if (process.env.FAZHI_SOFFICE_WARM === '0' || Date.now() < warmRetryAt) return undefined;
  const python = unoPython(soffice);
  return python ? sharedOffice(soffice, python, sofficeEnvironment) : undefined;
}

/** The soffice process id of the warm LibreOffice while it runs. */
export const warmOfficePid = sharedOfficePid;

/** Stops the warm LibreOffice (tests); the next conversion starts it again. */
export function stopPdfConverter(): void {
  stopSharedOffice();
  warmRetryAt = 0;
}

/**
 * Converts .docx files to PDF; returns the PDFs in input order. A document converted before (same content, same
 * converter) comes from the cache; the others are converted in one batch by the warm LibreOffice, or by one
 * one-shot `soffice --convert-to` run when the warm one cannot start. Throws AppError INTERNAL when LibreOffice is
 * absent, fails or exceeds `timeoutMs`.
 */
export async function convertDocxToPdf(docs: readonly Buffer[], options: { timeoutMs?: number; cache?: boolean } = {}): Promise<Buffer[]> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('INTERNAL', PDF_UNAVAILABLE_MESSAGE);
  const useCache = options.cache !== false;
  const fingerprint = useCache ? await converterFingerprint(soffice) : '';
  const keys = docs.map((docx) => (useCache ? sm3(Buffer.from(`${fingerprint}:${docxContentDigest(docx)}`)) : ''));
  const results: (Buffer | undefined)[] = useCache ? await Promise.all(keys.map((key) => pdfCache().get(key))) : docs.map(() => undefined);
  // Each distinct missing content once.
  const missing = new Map<string, number[]>();
  results.forEach((pdf, i) => {
    if (pdf) return;
    const key = useCache ? (keys[i] ?? '') : String(i);
    missing.set(key, [...(missing.get(key) ?? []), i]);
  });
  if (missing.size > 0) {
    const batch = [...missing.values()].map((indexes) => docs[indexes[0] ?? 0] ?? Buffer.alloc(0));
    const pdfs = await convertBatch(soffice, batch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    converted += batch.length;
    let n = 0;
    for (const [key, indexes] of missing) {
      const pdf = pdfs[n++];
      if (!pdf) throw new AppError('INTERNAL', 'LibreOffice 未能转换全部文书');
      for (const i of indexes) results[i] = pdf;
      if (useCache) await pdfCache().put(key, pdf);
    }
  }
  return results.map((pdf) => pdf ?? Buffer.alloc(0));
}

async function convertBatch(soffice: string, docs: readonly Buffer[], timeoutMs: number): Promise<Buffer[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'fazhi-pdf-'));
  try {
    const inputs = docs.map((_, i) => path.join(work, `doc-${String(i + 1).padStart(3, '0')}.docx`));
    await Promise.all(docs.map((docx, i) => writeFile(inputs[i] ?? '', docx)));
    const outDir = path.join(work, 'out');
    await mkdir(outDir);
    const outputs = inputs.map((input) => path.join(outDir, `${path.basename(input, '.docx')}.pdf`));
    const warm = warmOffice(soffice);
    let done = false;
    if (warm) {
      try {
        await warm.convert(
          inputs.map((input, i) => ({ input, output: outputs[i] ?? '' })),
          timeoutMs,
        );
        done = true;
      } catch (error) {
        if (!(error instanceof OfficeUnavailable)) throw error;
        warmRetryAt = Date.now() + WARM_RETRY_MS;
      }
    }
    if (!done) await convertOneShot(soffice, inputs, outDir, work, timeoutMs);
    return await Promise.all(
      outputs.map(async (output, i) => {
        if (!existsSync(output)) throw new AppError('INTERNAL', `LibreOffice 未能把 ${path.basename(inputs[i] ?? '')} 转换为 PDF`);
        return readFile(output);
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** One LibreOffice run for the batch, with a profile of its own (never shared, never locked). */
async function convertOneShot(soffice: string, inputs: readonly string[], outDir: string, work: string, timeoutMs: number): Promise<void> {
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  await run(
    soffice,
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outDir, ...inputs],
    { timeoutMs, env: sofficeEnvironment(work) },
  );
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

/**
 * The page count of a PDF: its page objects (/Type /Page), as LibreOffice writes them uncompressed — milliseconds,
 * where parsing the document takes a good part of a second; a PDF whose objects are compressed is parsed.
 */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const pageObjects = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pageObjects > 0 && !pdf.includes('/ObjStm')) return pageObjects;
  const parser = await pdfParser(pdf);
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

/**
 * pdf-parse (pdf.js, which loads @napi-rs/canvas) is loaded on the first PDF read, not with this module: the server
 * imports this module at start-up, and evaluating pdf.js and the canvas binding was ~0.45 s of a restart's CPU.
 */
async function pdfParser(pdf: Buffer) {
  const { PDFParse } = await import('pdf-parse');
  return new PDFParse({ data: new Uint8Array(pdf) });
}

/** Page count and text of each page of a PDF. */
export async function readPdf(pdf: Buffer): Promise<{ pages: number; pageTexts: string[] }> {
  const parser = await pdfParser(pdf);
  try {
    const result = await parser.getText();
    return { pages: result.total, pageTexts: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}
