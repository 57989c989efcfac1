/**
 * Downloads a file the server makes (an XLSX export): fetched with the session cookie so a refusal comes back as the
 * server's Chinese message (an ApiError) instead of a browser error page, then saved under the name the server gave.
 */
import { ApiError, toApiError } from './api.ts';

type Query = Record<string, string | number | undefined | null>;

/** The file name of `Content-Disposition: attachment; filename*=UTF-8''…`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (!match) return fallback;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return fallback;
  }
}

export async function downloadFile(path: string, query: Query = {}, fallbackName = '导出.xlsx'): Promise<string> {
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', '无法连接服务器，请检查网络后重试', 0);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
