/** `Content-Disposition` for a download with a Chinese file name (RFC 6266 / RFC 5987 `filename*`). */
export const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
