import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM } from './draw.ts';
import { drawProofView } from './plan-views.ts';

describe('the public proof’s shape', () => {
  it('names the algorithm draw.ts implements (written out so the web can import the shapes without node:crypto)', () => {
    expect(drawProofView.shape.algorithm.value).toBe(DRAW_ALGORITHM);
  });
});
