import { ApiError } from '../../../shared/api.ts';

/** Reads a file as base64 (what POST /api/cases/:id/evidence takes), telling how far it got (0–1). */
export function readAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(new ApiError('VALIDATION', '无法读取所选文件，请重新选择', 0));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
