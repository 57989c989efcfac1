import { describe, expect, it } from 'vitest';
import { canWatermark, watermarkLines } from './watermark.ts';

describe('the watermark of a field photo', () => {
  it('names the time (China time), the place and the officers', () => {
    // 2026-03-02 16:05 UTC is 2026-03-03 00:05 in China: the date is China's.
    expect(watermarkLines({ takenAt: new Date('2026-03-02T16:05:00Z'), place: '云城市东湖区南湖路', officers: ['王磊', '赵刚'] })).toEqual([
      '拍摄时间：2026-03-03 00:05',
      '地点：云城市东湖区南湖路',
      '执法人员：王磊、赵刚',
    ]);
  });

  it('is made only for images a canvas decodes; a video or a PDF keeps only its original', () => {
    expect(['image/jpeg', 'image/png', 'video/mp4', 'application/pdf'].map(canWatermark)).toEqual([true, true, false, false]);
  });
});
