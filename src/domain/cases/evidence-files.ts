/**
 * What an evidence file may be called and what kind of file it may be. Names are shown to officers, printed in
 * evidence lists and sent back as download names: a name with path components, control characters or Unicode
 * bidirectional overrides (U+202E turns “报告‮fdp.exe” into “报告exe.pdf” on screen) is normalized, never stored as
 * given. Media types are an allow-list of the kinds of evidence an enforcement case has (《行政处罚法》第四十六条:
 * 书证、物证、视听资料、电子数据、现场笔录 …); anything else — `text/html`, scripts, executables — is refused. The
 * project has no content-sniffing library, so a declared type must agree with the name's extension; downloads are
 * served as attachments with `nosniff`, so a file is never rendered by the browser whatever its bytes.
 */
import { validationError } from '../errors.ts';

/** Longest stored file name, in characters (the extension is kept when a longer name is cut). */
export const MAX_EVIDENCE_FILE_NAME = 120;

interface EvidenceMediaKind {
  label: string;
  extensions: readonly string[];
  /** Other names the same type goes by (browsers differ), stored as the canonical type. */
  aliases?: readonly string[];
}

/** The media types accepted for evidence, each with the extensions its files carry. */
export const evidenceMediaTypes: Record<string, EvidenceMediaKind> = {
  'image/jpeg': { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'], aliases: ['image/pjpeg'] },
  'image/png': { label: 'PNG 图片', extensions: ['png'] },
  'image/webp': { label: 'WebP 图片', extensions: ['webp'] },
  'image/heic': { label: 'HEIC 图片', extensions: ['heic', 'heif'], aliases: ['image/heif'] },
  'video/mp4': { label: 'MP4 视频', extensions: ['mp4', 'm4v'] },
  'video/quicktime': { label: 'MOV 视频', extensions: ['mov'] },
  'audio/mpeg': { label: 'MP3 音频', extensions: ['mp3'], aliases: ['audio/mp3'] },
  'audio/mp4': { label: 'M4A 音频', extensions: ['m4a'], aliases: ['audio/x-m4a'] },
  'audio/wav': { label: 'WAV 音频', extensions: ['wav'], aliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  'audio/amr': { label: 'AMR 录音', extensions: ['amr'] },
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/ofd': { label: 'OFD 版式文件', extensions: ['ofd'] },
  'application/msword': { label: 'Word 文档', extensions: ['doc'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word 文档', extensions: ['docx'] },
  'application/vnd.ms-excel': { label: 'Excel 表格', extensions: ['xls'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel 表格', extensions: ['xlsx'] },
  'application/vnd.ms-powerpoint': { label: 'PowerPoint 演示文稿', extensions: ['ppt'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint 演示文稿', extensions: ['pptx'] },
  'application/vnd.oasis.opendocument.text': { label: 'ODF 文档', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'ODF 表格', extensions: ['ods'] },
  'text/plain': { label: '纯文本', extensions: ['txt'] },
  'text/csv': { label: 'CSV 表格', extensions: ['csv'] },
};

/** Largest evidence file of any type but video, in bytes (sent as base64 JSON or streamed). */
export const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;
/**
 * Largest video, in bytes: an hour of body-camera (执法记录仪) footage, which records the whole of an on-site act
 * (《行政处罚法》第四十七条). Only the streaming upload (POST /api/cases/:id/evidence/stream) takes files this large.
 */
export const MAX_EVIDENCE_VIDEO_BYTES = 2 * 1024 * 1024 * 1024;

/** Whether `mediaType` (a canonical evidence type) is a video, which may be as large as MAX_EVIDENCE_VIDEO_BYTES. */
export const isEvidenceVideo = (mediaType: string): boolean => mediaType.startsWith('video/');

/** The largest file accepted for an evidence item of `mediaType`. */
export function evidenceSizeLimit(mediaType: string): number {
  return isEvidenceVideo(mediaType) ? MAX_EVIDENCE_VIDEO_BYTES : MAX_EVIDENCE_BYTES;
}

/** “8 MB”, “2 GB”: a size limit as officers read it. */
export function sizeLimitText(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${bytes / 1024 / 1024 / 1024} GB` : `${bytes / 1024 / 1024} MB`;
}

/** “JPG、PNG、…” — the accepted kinds, for refusals and the upload form. */
export const acceptedEvidenceExtensions = [...new Set(Object.values(evidenceMediaTypes).flatMap((k) => k.extensions))];
export const ACCEPTED_EVIDENCE_KINDS_TEXT =
  '图片（JPG、PNG、WebP、HEIC）、视频（MP4、MOV）、音频（MP3、M4A、WAV、AMR）、PDF、OFD、Office 文档（DOC、DOCX、XLS、XLSX、PPT、PPTX、ODT、ODS）、纯文本（TXT、CSV）';

/** Types a browser sends when it does not know the file: the type is then taken from the extension. */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

// C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text: bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width characters
// and the BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The file name as stored: the last path component only (both `/` and `\`), without control and bidi characters,
 * trimmed (also of dots, so `..` and `.` are no names), at most MAX_EVIDENCE_FILE_NAME characters with the extension
 * kept; `fallback` when nothing is left.
 */
export function normalizeFileName(raw: string, fallback: string): string {
  const lastComponent = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastComponent.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned === '') return fallback;
  const chars = [...cleaned];
  if (chars.length <= MAX_EVIDENCE_FILE_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  if (extension.length > 0 && extension.length <= 10) return chars.slice(0, MAX_EVIDENCE_FILE_NAME - extension.length).join('') + extension.join('');
  return chars.slice(0, MAX_EVIDENCE_FILE_NAME).join('');
}

const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

function canonicalType(declared: string): string | undefined {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (evidenceMediaTypes[type]) return type;
  return Object.keys(evidenceMediaTypes).find((key) => evidenceMediaTypes[key]!.aliases?.includes(type));
}

const refusal = (message: string, field: 'fileName' | 'mediaType') =>
  validationError(`${message}。可上传的证据文件：${ACCEPTED_EVIDENCE_KINDS_TEXT}`, { fields: [{ field, message }], accepted: acceptedEvidenceExtensions });

/**
 * The stored name and media type of an evidence file, or a 400 listing the accepted kinds: the type must be on the
 * allow-list (an unknown or generic type is taken from the extension), and the extension must be one of the type's.
 */
export function checkEvidenceFile(input: { fileName: string; mediaType?: string | undefined }, fallbackName: string): { fileName: string; mediaType: string } {
  const declared = (input.mediaType ?? '').trim().toLowerCase();
  let fileName = normalizeFileName(input.fileName, '');
  if (fileName === '') {
    // Nothing usable left of the name: a generated one, with the extension of the declared type.
    const type = canonicalType(declared);
    if (!type) throw refusal('文件名无效，且未注明可接受的文件类型', 'fileName');
    fileName = `${fallbackName}.${evidenceMediaTypes[type]!.extensions[0]!}`;
  }
  const extension = extensionOf(fileName);
  if (UNKNOWN_TYPES.has(declared)) {
    const byExtension = Object.keys(evidenceMediaTypes).find((key) => evidenceMediaTypes[key]!.extensions.includes(extension));
    if (!byExtension) throw refusal(extension ? `不接受 .${extension} 文件` : '文件名须带扩展名（如 .jpg、.pdf）', 'fileName');
    return { fileName, mediaType: byExtension };
  }
  const mediaType = canonicalType(declared);
  if (!mediaType) throw refusal(`不接受文件类型 ${declared}`, 'mediaType');
  if (!evidenceMediaTypes[mediaType]!.extensions.includes(extension)) {
    throw refusal(`文件扩展名${extension ? ` .${extension}` : ''}与文件类型 ${mediaType}（${evidenceMediaTypes[mediaType]!.label}）不符`, 'fileName');
  }
  return { fileName, mediaType };
}

/** States an ordinary case takes evidence in: after filing, before the decision (《行政处罚法》第五十四条、第五十五条). */
const ORDINARY_EVIDENCE_STATES: readonly string[] = ['filed', 'investigating', 'reviewing', 'notified', 'hearing'];
/**
 * A simple-procedure case is decided on the spot (第五十一条、第五十二条): the photos and body-camera video of that spot
 * are registered afterwards, while the case is open (第四十七条: the whole process is recorded and kept).
 */
const SIMPLE_EVIDENCE_STATES: readonly string[] = ['served', 'enforcing'];

/** Whether a case in `state` under `procedure` takes evidence now. */
export function takesEvidence(state: string, procedure: string): boolean {
  return ORDINARY_EVIDENCE_STATES.includes(state) || (procedure === 'simple' && SIMPLE_EVIDENCE_STATES.includes(state));
}
