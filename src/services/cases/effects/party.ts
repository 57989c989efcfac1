/**
 * Identifying or correcting the party (`correctParty`, issue 15): a clue registered without its party (an unknown
 * street vendor) gets it before filing (《行政处罚法》第五十四条), and details typed wrong are corrected until a
 * document naming the party was issued (guard partyCorrectable, 第四十七条). The party row is replaced in place; the
 * audit record names what changed and why — identity numbers and contact data stay out of the trail, as at
 * registration.
 */
import { eq } from 'drizzle-orm';
import { validateParty } from '../../../domain/cases/parties.ts';
import { caseParties } from '../../../db/schema.ts';
import type { CaseEffects } from '../step.ts';

const labels = {
  kind: '当事人类型',
  name: '姓名或名称',
  idType: '证件类型',
  idNumber: '证件号码',
  nationality: '国籍',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  phone: '联系电话',
  address: '地址',
  birthDate: '出生日期',
} as const;

export const partyEffects = {
  correctParty: async (s, input) => {
    const party = validateParty(input.party, s.g.actDate);
    const before = s.party;
    const changed = (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => (before[k] ?? null) !== (party[k] ?? null)).map((k) => labels[k]);
    await s.tx.update(caseParties).set(party).where(eq(caseParties.id, before.id));
    s.details.party = { kind: party.kind, name: party.name, previous: { kind: before.kind, name: before.name }, changed };
  },
} satisfies Partial<CaseEffects>;
