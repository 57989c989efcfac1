/**
 * Text placed into HTML that a library renders as markup — ECharts tooltips built by a `formatter` function are set
 * as innerHTML — is escaped here, so a name someone typed (a power-list item called `<img src=x onerror=…>`) shows
 * as text and never becomes an element. The one escape function of the web app; React escapes everything else.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Tooltip lines as HTML: each line escaped, joined by `<br/>` (the only markup a formatter adds). */
export function htmlLines(...lines: (string | number)[]): string {
  return lines.map(escapeHtml).join('<br/>');
}
