/**
 * 水印副本 of a field photo: a derived copy with the time, the place and the officers drawn on it, made in the browser
 * with a canvas and registered as an evidence item of its own. The original file is registered first and unchanged
 * (its SM3 digest is the evidence); the copy names the original's item number and digest, so it is never mistaken for
 * the original.
 */

/** Image types a browser canvas decodes; other files (video, PDF, HEIC on most browsers) get no copy. */
const WATERMARKABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);
export const canWatermark = (type: string): boolean => WATERMARKABLE.has(type);

const chinaTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** The lines drawn on the photo: when it was taken (the file's time, China time), where, and by whom. */
export function watermarkLines(w: { takenAt: Date; place: string; officers: readonly string[] }): string[] {
  return [`拍摄时间：${chinaTime.format(w.takenAt).replaceAll('/', '-')}`, `地点：${w.place}`, `执法人员：${w.officers.join('、')}`];
}

/** Draws `lines` on the lower left of the photo over a dark band; returns a JPEG. */
export async function watermarkedCopy(file: Blob, lines: readonly string[]): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('浏览器不支持生成水印副本');
  g.drawImage(bitmap, 0, 0);
  bitmap.close();
  const size = Math.max(14, Math.round(Math.min(canvas.width, canvas.height) / 28));
  const pad = Math.round(size * 0.6);
  const band = lines.length * size * 1.4 + pad * 2;
  g.fillStyle = 'rgba(0, 0, 0, 0.55)';
  g.fillRect(0, canvas.height - band, canvas.width, band);
  g.fillStyle = '#fff';
  g.font = `${size}px sans-serif`;
  g.textBaseline = 'top';
  lines.forEach((line, i) => g.fillText(line, pad, canvas.height - band + pad + i * size * 1.4, canvas.width - pad * 2));
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('无法生成水印副本'))), 'image/jpeg', 0.9));
}
