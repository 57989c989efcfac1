/** Turns an HTML page into plain text lines: scripts and styles dropped, blocks on their own lines. */

const DROPPED_ELEMENTS = /<(script|style|head|noscript|template|svg|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|tbody|thead|tfoot|section|article|header|footer|nav|aside|blockquote|pre|dd|dt|dl|form|hr|main|figure|figcaption|address|center|caption|option|select|title)\b[^>]*>/gi;
const CELL_TAG = /<\/?(td|th)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^>]*>/g;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', mdash: '—', ndash: '–',
  hellip: '…', middot: '·', bull: '•', times: '×', divide: '÷', deg: '°', copy: '©', reg: '®', trade: '™',
  yen: '¥', permil: '‰', sect: '§', para: '¶', plusmn: '±', shy: '',
};

/** Decodes named and numeric character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return codePointOrWhole(parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return codePointOrWhole(parseInt(body.slice(1), 10), whole);
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function codePointOrWhole(codePoint: number, whole: string): string {
  if (!Number.isFinite(codePoint) || codePoint <= 0 || codePoint > 0x10ffff) return whole;
  return String.fromCodePoint(codePoint);
}

/**
 * Strips tags from an HTML document. Block elements become line breaks so headings and paragraphs stay
 * on lines of their own, which the section detection relies on; table cells are separated by spaces.
 */
export function htmlToText(html: string): string {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const withoutDropped = withoutComments.replace(DROPPED_ELEMENTS, '\n');
  const withBreaks = withoutDropped.replace(BLOCK_TAG, '\n').replace(CELL_TAG, ' ');
  const plain = decodeEntities(withBreaks.replace(ANY_TAG, '').replace(/<!DOCTYPE[^>]*>/gi, ''));
  return plain
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The charset an HTML page declares in a meta tag, if any (lower case), read from its ASCII bytes. */
export function declaredHtmlCharset(head: string): string | null {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}
