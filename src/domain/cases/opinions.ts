/**
 * Opinions on the approval forms of a case (立案审批表, 先行登记保存 approval, 结案审批表), each signed by its author in
 * their own session: nobody writes, approves or signs in another person's name. Who may sign which place of which
 * form, in which state; and the head's approval a 先行登记保存 uses (《行政处罚法》第五十六条).
 */
import type { Role } from '../access.ts';
import { forbidden, ruleViolation } from '../errors.ts';
import { art } from '../workflow/law.ts';
import type { FormOpinion, SignedOpinion } from './document-records.ts';
import type { CaseState } from './model.ts';
import { type OpinionForm, opinionFormLabels, type OpinionRole, opinionRoleLabels } from './record-inputs.ts';
import type { CaseRecord, CaseSnapshot } from './snapshot.ts';

/** The provision each form carries out: filing and preservation need the head's approval (第五十四条、第五十六条). */
export const OPINION_FORM_BASIS: Record<OpinionForm, string> = {
  filing: art('行政处罚法', 54),
  preservation: art('行政处罚法', 56),
  closing: '结案审批表（行政执法文书格式）',
  decline: `${art('行政处罚法', 54)}第二款`,
  withdrawal: `${art('行政处罚法', 54)}第二款`,
  suspension: '中止调查审批表（行政执法文书格式）',
  resumption: '恢复调查审批表（行政执法文书格式）',
  termination: '终止调查审批表（行政执法文书格式）',
  deferral: `${art('行政处罚法', 66)}第二款`,
};

interface Slot {
  /** Roles that may sign this place; `caseOfficer`: only an officer named on the case (not recused). */
  roles: readonly Role[];
  caseOfficer?: boolean;
  /** Not someone who investigated the case (the reviewer of a closing is a second pair of eyes, 第五十八条). */
  notInvestigator?: boolean;
}

const SLOTS: Record<OpinionForm, { states: readonly CaseState[]; places: Partial<Record<OpinionRole, Slot>> }> = {
  filing: { states: ['clue'], places: { undertaker: { roles: ['officer'] }, unit: { roles: ['officer', 'head'] } } },
  preservation: { states: ['investigating'], places: { head: { roles: ['head'] } } },
  // The 承办 opinions on the forms of acts the head then takes by their own step (不予立案, 撤销立案, 中止/恢复/终止调查,
  // 延期（分期）缴纳罚款): the head's approval is the step itself, so these forms have no 负责人 place to sign here.
  decline: { states: ['clue'], places: { undertaker: { roles: ['officer'] }, unit: { roles: ['officer', 'head'] } } },
  withdrawal: { states: ['filed', 'investigating', 'reviewing'], places: { undertaker: { roles: ['officer'], caseOfficer: true }, unit: { roles: ['officer', 'head'] } } },
  suspension: { states: ['filed', 'investigating', 'reviewing', 'notified', 'hearing'], places: { undertaker: { roles: ['officer'], caseOfficer: true }, unit: { roles: ['officer', 'head'] } } },
  resumption: { states: ['suspended'], places: { undertaker: { roles: ['officer'], caseOfficer: true }, unit: { roles: ['officer', 'head'] } } },
  termination: { states: ['filed', 'investigating', 'reviewing', 'notified', 'hearing', 'suspended'], places: { undertaker: { roles: ['officer'], caseOfficer: true }, unit: { roles: ['officer', 'head'] } } },
  deferral: { states: ['enforcing'], places: { undertaker: { roles: ['officer'], caseOfficer: true } } },
  closing: {
    states: ['decided', 'served', 'enforcing'],
    places: {
      undertaker: { roles: ['officer', 'head'], caseOfficer: true },
      reviewer: { roles: ['reviewer', 'head'], notInvestigator: true },
      head: { roles: ['head'] },
    },
  },
};

/** Refuses a signature the actor may not make here: wrong state, a place the form lacks, a role the actor lacks. */
export function assertMaySign(c: CaseSnapshot, form: OpinionForm, role: OpinionRole, actor: { userId: number; roles: readonly Role[] }): void {
  const basis = OPINION_FORM_BASIS[form];
  const spec = SLOTS[form];
  const what = `${opinionFormLabels[form]}的${opinionRoleLabels[role]}`;
  if (!spec.states.includes(c.state)) throw ruleViolation(`本案当前阶段不能签署${opinionFormLabels[form]}意见`, basis);
  const slot = spec.places[role];
  if (!slot) throw ruleViolation(`${opinionFormLabels[form]}没有“${opinionRoleLabels[role]}”一栏`, basis);
  // Who signs is a question of access (403), the form's rules of law (422).
  if (!slot.roles.some((r) => actor.roles.includes(r))) throw forbidden(`您的角色不能签署${what}`, { article: basis });
  if (slot.caseOfficer && !c.officers.some((o) => o.userId === actor.userId)) throw forbidden(`${what}由本案承办执法人员本人签署`, { article: basis });
  if (slot.notInvestigator && c.investigators.includes(actor.userId)) {
    throw ruleViolation(`本案的调查人员不能签署${what}`, `${art('行政处罚法', 58)}（审查与调查相分离）`);
  }
}

/** The latest opinion signed on `form` at `role`, or null. */
export function latestOpinion(record: CaseRecord, form: OpinionForm, role: OpinionRole): SignedOpinion | null {
  const found = (record.opinions ?? []).filter((o) => o.form === form && o.role === role).at(-1);
  return found ? { text: found.text, by: found.by, on: found.on } : null;
}

/** The first head's approval of a 先行登记保存 no preservation has used yet, with its index in `opinions`. */
export function unusedPreservationApproval(record: CaseRecord): { index: number; opinion: FormOpinion } | null {
  const used = new Set(record.preservations.map((p) => p.approval));
  const opinions = record.opinions ?? [];
  const index = opinions.findIndex((o, i) => o.form === 'preservation' && o.role === 'head' && !used.has(i));
  const opinion = opinions[index];
  return opinion ? { index, opinion } : null;
}
