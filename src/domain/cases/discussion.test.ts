import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { discussionMembers } from './rules.ts';

// A case of the 东湖 brigade (/1/2/3/): heads of the brigade, the district bureau (/1/2/) or the city (/1/) decide.
const CASE_UNIT = '/1/2/3/';
const head = (id: number, name: string, path: string) => ({ id, name, roles: ['head'], organizationPath: path });

describe('《行政处罚法》第五十七条第二款 collective discussion (issue 12 item 12)', () => {
  it('counts the heads of the case’s unit or above; everyone else chosen is recorded as 列席', () => {
    const members = discussionMembers(CASE_UNIT, [
      head(1, '陈建国', '/1/2/'),
      head(2, '王秀梅', '/1/2/'),
      head(3, '赵建华', '/1/'),
      { id: 4, name: '李卫东', roles: ['officer'], organizationPath: '/1/2/3/' },
      { id: 5, name: '林晓', roles: ['reviewer'], organizationPath: '/1/2/' },
    ]);
    expect(members.heads.map((h) => h.name)).toEqual(['陈建国', '王秀梅', '赵建华']);
    expect(members.attendees.map((a) => a.name)).toEqual(['李卫东', '林晓']);
  });

  it('refuses fewer than three such heads; a head of another district or of a unit below does not count', () => {
    const error = refusal(() =>
      discussionMembers(CASE_UNIT, [head(1, '陈建国', '/1/2/'), head(6, '杨帆', '/1/7/'), head(7, '中队长', '/1/2/3/9/'), { id: 4, name: '李卫东', roles: ['officer'], organizationPath: '/1/2/3/' }]),
    );
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('负责人只有1名');
    expect(error.message).toContain('杨帆、中队长、李卫东不是本单位或上级单位的负责人');
    expect(error.details?.article).toContain('第五十七条第二款');
  });
});
