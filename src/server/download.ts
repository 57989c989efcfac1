/** `Content-Disposition` for a download with a Chinese file name (RFC 6266 / RFC 5987 `filename*`). */
export const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Headers of an exported workbook (services/export/xlsx.ts); the body is streamed as it is written. */
export function xlsxHeaders(exported: { fileName: string; total: number; exported: number }): Record<string, string> {
  return {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': attachment(exported.fileName),
    // Lists of cases name parties: personal data, not kept by browsers or proxies.
    'cache-control': 'no-store',
    'x-total-count': String(exported.total),
    'x-exported-count': String(exported.exported),
  };
}
