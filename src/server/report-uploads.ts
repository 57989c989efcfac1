/**
 * Report uploads for analysis, bounded: each file and the whole request have a size limit, and the files are streamed
 * to temporary files as they arrive instead of being held in memory — the analysis then reads one file at a time.
 * A file or request over its limit is refused 413 TOO_LARGE as soon as the limit is passed, without reading the rest.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, validationError } from '../domain/errors.ts';
import { assertValidText } from './input-guard.ts';

const MiB = 1024 * 1024;
/** Largest report file: annual reports are a few MB even as PDF with pictures. */
export const REPORT_FILE_MAX_BYTES = 20 * MiB;
/** Largest analysis request, all files together. */
export const REPORT_REQUEST_MAX_BYTES = 50 * MiB;
/** Most files in one analysis request. */
export const REPORT_MAX_FILES = 60;

export interface ReportUploadLimits {
  fileBytes: number;
  requestBytes: number;
  files: number;
}

export const REPORT_UPLOAD_DEFAULTS: ReportUploadLimits = { fileBytes: REPORT_FILE_MAX_BYTES, requestBytes: REPORT_REQUEST_MAX_BYTES, files: REPORT_MAX_FILES };

const mb = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;

export const fileTooLarge = (fileName: string, limit: number) =>
  new AppError('TOO_LARGE', `文件${fileName ? ` ${fileName} ` : ''}超过单个文件上限 ${mb(limit)}`, { file: fileName, limitBytes: limit });
export const requestTooLarge = (limit: number) =>
  new AppError('TOO_LARGE', `上传内容合计超过 ${mb(limit)}，请分批上传`, { limitBytes: limit });

export interface SpooledFile {
  fileName: string;
  /** The temporary file holding the upload. */
  path: string;
  size: number;
}

/**
 * Streams every file of a multipart request to a temporary directory and calls `work` with them; the directory is
 * removed afterwards, whatever happens. Refuses 413 the moment a file or the request passes its limit.
 */
export async function withSpooledUploads<T>(request: FastifyRequest, limits: ReportUploadLimits, work: (files: SpooledFile[]) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fazhi-upload-'));
  try {
    const files: SpooledFile[] = [];
    let total = 0;
    // Our counter refuses first; busboy's own file limit is only a backstop above it (when busboy reaches its limit it
    // reads the rest of the file to skip it, which is exactly what must not happen).
    for await (const part of request.files({ limits: { fileSize: Math.max(limits.fileBytes, limits.requestBytes) + 1, files: limits.files } })) {
      const fileName = part.filename;
      assertValidText({ fileName }, 'form');
      const target = path.join(dir, String(files.length));
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.fileBytes) done(fileTooLarge(fileName, limits.fileBytes));
          else if (total > limits.requestBytes) done(requestTooLarge(limits.requestBytes));
          else done(null, chunk);
        },
      });
      await pipeline(part.file, counter, createWriteStream(target, { mode: 0o600 }));
      if (part.file.truncated) throw fileTooLarge(fileName, limits.fileBytes);
      files.push({ fileName, path: target, size });
    }
    return await work(files);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge('', limits.fileBytes);
    if (code === 'FST_FILES_LIMIT') throw validationError(`一次最多上传 ${limits.files} 个文件`);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
