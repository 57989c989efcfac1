import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILE_NAME, MAX_EVIDENCE_VIDEO_BYTES, checkEvidenceFile, evidenceSizeLimit, normalizeFileName, sizeLimitText } from './evidence-files.ts';

describe('evidence file names are normalized', () => {
  it('strips path components: only the last one is kept, and .. or . is no name', () => {
    expect(normalizeFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(normalizeFileName('C:\\Users\\wang\\现场照片.jpg', 'x')).toBe('现场照片.jpg');
    expect(normalizeFileName('..', '证据文件')).toBe('证据文件');
    expect(normalizeFileName('photos/..', '证据文件')).toBe('证据文件');
    expect(normalizeFileName(' . ', '证据文件')).toBe('证据文件');
  });

  it('strips control characters and Unicode bidi overrides (U+202E) and trims', () => {
    expect(normalizeFileName('报告\u202Efdp.exe', 'x')).toBe('报告fdp.exe');
    expect(normalizeFileName('a\u0007b\u0000c\r\n.pdf', 'x')).toBe('abc.pdf');
    expect(normalizeFileName('\u2066笔录\u2069.pdf\u200f', 'x')).toBe('笔录.pdf');
    expect(normalizeFileName('   笔录.pdf   ', 'x')).toBe('笔录.pdf');
  });

  it('limits the length, keeping the extension', () => {
    const name = normalizeFileName(`${'长'.repeat(300)}.jpeg`, 'x');
    expect([...name].length).toBe(MAX_EVIDENCE_FILE_NAME);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});

describe('evidence media types are an allow-list, consistent with the extension', () => {
  it('accepts images, video, audio, PDF, office documents and plain text', () => {
    expect(checkEvidenceFile({ fileName: '现场.JPG', mediaType: 'image/jpeg' }, 'x')).toEqual({ fileName: '现场.JPG', mediaType: 'image/jpeg' });
    expect(checkEvidenceFile({ fileName: '录音.amr', mediaType: 'application/octet-stream' }, 'x').mediaType).toBe('audio/amr');
    expect(checkEvidenceFile({ fileName: '录音.wav', mediaType: 'audio/x-wav' }, 'x').mediaType).toBe('audio/wav');
    expect(checkEvidenceFile({ fileName: '询问笔录.docx', mediaType: undefined }, 'x').mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(checkEvidenceFile({ fileName: '执法记录.mov', mediaType: 'video/quicktime' }, 'x').mediaType).toBe('video/quicktime');
  });

  it('refuses text/html and other types not on the list, naming the accepted kinds', () => {
    const html = refusal(() => checkEvidenceFile({ fileName: 'page.html', mediaType: 'text/html' }, 'x'));
    expect(html.code).toBe('VALIDATION');
    expect(html.message).toContain('不接受文件类型 text/html');
    expect(html.message).toContain('可上传的证据文件：图片（JPG、PNG');
    expect(refusal(() => checkEvidenceFile({ fileName: 'a.svg', mediaType: 'image/svg+xml' }, 'x')).message).toContain('image/svg+xml');
    expect(refusal(() => checkEvidenceFile({ fileName: 'run.exe', mediaType: 'application/octet-stream' }, 'x')).message).toContain('不接受 .exe 文件');
  });

  it('refuses a declared type its extension contradicts (a page named .pdf, a photo named .html)', () => {
    expect(refusal(() => checkEvidenceFile({ fileName: 'invoice.html', mediaType: 'application/pdf' }, 'x')).message).toContain('与文件类型 application/pdf');
    expect(refusal(() => checkEvidenceFile({ fileName: '报告\u202Efdp.exe', mediaType: 'application/pdf' }, 'x')).code).toBe('VALIDATION');
  });

  it('gives a nameless file a generated name with its type\'s extension', () => {
    expect(checkEvidenceFile({ fileName: '..', mediaType: 'image/png' }, '证据文件-1a2b3c4d')).toEqual({ fileName: '证据文件-1a2b3c4d.png', mediaType: 'image/png' });
  });
});

describe('evidence size limits', () => {
  it('a video (MP4, MOV) may be up to 2 GB, body-camera footage; every other type keeps 8 MB', () => {
    expect(MAX_EVIDENCE_VIDEO_BYTES).toBe(2 * 1024 ** 3);
    expect(evidenceSizeLimit(checkEvidenceFile({ fileName: 'a.mp4' }, 'x').mediaType)).toBe(MAX_EVIDENCE_VIDEO_BYTES);
    expect(evidenceSizeLimit(checkEvidenceFile({ fileName: 'a.MOV', mediaType: 'video/quicktime' }, 'x').mediaType)).toBe(MAX_EVIDENCE_VIDEO_BYTES);
    for (const name of ['a.jpg', 'a.pdf', 'a.wav', 'a.docx']) expect(evidenceSizeLimit(checkEvidenceFile({ fileName: name }, 'x').mediaType)).toBe(MAX_EVIDENCE_BYTES);
    expect([sizeLimitText(MAX_EVIDENCE_BYTES), sizeLimitText(MAX_EVIDENCE_VIDEO_BYTES)]).toEqual(['8 MB', '2 GB']);
  });
});
