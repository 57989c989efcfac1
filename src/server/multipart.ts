import type { FastifyRequest } from 'fastify';
import { AppError, validationError } from '../domain/errors.ts';
import { assertValidText } from './input-guard.ts';
import { REPORT_UPLOAD_LIMITS } from './zod-app.ts';

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/**
 * Reads a multipart request that carries one file (field `file`) and text fields, for the import endpoints.
 * `what` names the file in the Chinese messages, e.g. 裁量基准文件.
 */
export async function readSingleFileUpload(request: FastifyRequest, what: string): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw validationError(`请以 multipart/form-data 上传${what}（字段 file）`);
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('TOO_LARGE', `文件 ${part.filename} 超过 ${REPORT_UPLOAD_LIMITS.fileSize / 1024 / 1024} MB`);
      if (file) throw validationError('一次只能导入一个文件');
      file = { fileName: part.filename, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw validationError(`请上传${what}（字段 file）`);
  assertValidText({ ...fields, fileName: file.fileName }, 'form');
  return { file, fields };
}

/** The file of a streamed upload: its name and declared type as the form gave them, and its bytes as they arrive. */
export interface StreamedFile {
  fileName: string;
  mimeType: string;
  stream: AsyncIterable<Uint8Array>;
}

/**
 * Reads a multipart request whose text fields come first and whose last part is one file (field `file`), and hands
 * the fields and the file's stream to `handle` — nothing is buffered, so the file may be as large as `maxFileSize`
 * (a body-camera video). `handle` checks the fields before it reads the stream; when it refuses, the rest of the
 * upload is read and dropped, so the client gets the answer. `what` names the file in the Chinese messages.
 */
export async function readStreamedUpload<T>(
  request: FastifyRequest,
  what: string,
  maxFileSize: number,
  handle: (fields: Record<string, string>, file: StreamedFile) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw validationError(`请以 multipart/form-data 上传${what}（先文字字段，最后为文件字段 file）`);
  const fields: Record<string, string> = {};
  // One byte over the limit: the handler's own count refuses it with the limit of the file's type.
  for await (const part of request.parts({ limits: { files: 1, fields: 30, fieldSize: 16 * 1024, fileSize: maxFileSize + 1 } })) {
    if (part.type !== 'file') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw validationError(`${what}应放在字段 file 中`);
    }
    try {
      assertValidText({ ...fields, fileName: part.filename }, 'form');
      return await handle(fields, { fileName: part.filename, mimeType: part.mimetype, stream: part.file });
    } catch (error) {
      // The form broke off inside the file (connection lost, truncated body): the client's fault, nothing stored.
      if (!(error instanceof AppError) && !part.file.readableEnded && (part.file.destroyed || part.file.errored)) {
        throw validationError(`上传未完成（连接中断或表单不完整），${what}未登记，请重新上传`);
      }
      // A refusal before the file was read: drop the rest, so the answer reaches the client after its upload.
      if (!part.file.destroyed) part.file.resume();
      throw error;
    }
  }
  throw validationError(`请上传${what}（字段 file，放在其他字段之后）`);
}
