import { describe, expect, it } from 'vitest';
import { declaredHtmlCharset, decodeEntities, htmlToText } from './html.ts';

describe('htmlToText', () => {
  it('drops scripts, styles and the head, puts blocks on their own lines and decodes entities', () => {
    const html = `<!DOCTYPE html><html><head><title>站点名称</title><style>p{color:red}</style></head>
      <body><script>var a = "<p>不应出现</p>";</script><!-- 注释 -->
      <div class="nav"><a href="/">首页</a></div>
      <h1>关于2023年法治政府建设情况的报告</h1>
      <p>&nbsp;&nbsp;一、主要举措和成效</p><p>全年共巡查<b>9353</b>次，&ldquo;说服教育&rdquo;8000余人次&#xff0c;公示&#x884C;政处罚60件。<br/>第二行</p>
      <table><tr><td>云阳县城市管理局</td><td>2024年1月12日</td></tr></table>
      </body></html>`;
    expect(htmlToText(html).split('\n')).toEqual([
      '首页',
      '关于2023年法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年共巡查9353次，“说服教育”8000余人次，公示行政处罚60件。',
      '第二行',
      '云阳县城市管理局 2024年1月12日',
    ]);
  });
});

describe('decodeEntities', () => {
  it('leaves unknown entities alone', () => {
    expect(decodeEntities('a &amp; b &unknown; &#0;')).toBe('a & b &unknown; &#0;');
  });
});

describe('declaredHtmlCharset', () => {
  it('reads both meta forms', () => {
    expect(declaredHtmlCharset('<meta charset="GBK">')).toBe('gbk');
    expect(declaredHtmlCharset('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />')).toBe('gb2312');
    expect(declaredHtmlCharset('<meta name="x">')).toBeNull();
  });
});
