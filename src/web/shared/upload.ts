/**
 * Uploads with progress, multipart or JSON (fetch reports no upload progress, XMLHttpRequest does): the file goes up,
 * `onProgress` follows it from 0 to 100, then the server works on it (analysis, import) until it answers.
 * Errors become the same `ApiError` as every other request (Chinese message from the server).
 */
import { ApiError, toApiError } from './api.ts';

export function upload<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return send<T>(path, form, {}, onProgress);
}

/** A JSON body with upload progress (e.g. evidence, whose file travels as base64 in the JSON). */
export function postJsonWithProgress<T>(path: string, body: unknown, onProgress?: (percent: number) => void): Promise<T> {
  return send<T>(path, JSON.stringify(body), { 'content-type': 'application/json' }, onProgress);
}

function send<T>(path: string, body: XMLHttpRequestBodyInit, headers: Record<string, string>, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '无法连接服务器，请检查网络后重试', 0));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as T);
      else if (xhr.status >= 200 && xhr.status < 300) reject(new ApiError('INTERNAL', '服务器返回了无法识别的内容', xhr.status));
      else reject(toApiError(xhr.status, body));
    };
    xhr.send(body);
  });
}
