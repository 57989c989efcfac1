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
