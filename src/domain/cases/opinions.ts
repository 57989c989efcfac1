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
export function assertMaySign(c: Pick<CaseSnapshot, 'state' | 'officers' | 'investigators'>, form: OpinionForm, role: OpinionRole, actor: { userId: number; roles: readonly Role[] }): void {
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

/** An opinion sent with a step is the sender's own: one naming someone else (`byId`) is refused (403). */
export function assertOwnOpinion(opinion: { byId?: number } | undefined, actorId: number, form: OpinionForm, role: OpinionRole): void {
  if (opinion?.byId !== undefined && opinion.byId !== actorId) {
    throw forbidden(`不能以他人名义签署${opinionFormLabels[form]}的${opinionRoleLabels[role]}：请由其本人登录后在“签署审批意见”中签署`);
  }
}

/** The latest opinion signed on `form` at `role`, or null. */
export function latestOpinion(record: CaseRecord, form: OpinionForm, role: OpinionRole): SignedOpinion | null {
  const found = (record.opinions ?? []).filter((o) => o.form === form && o.role === role).at(-1);
  return found ? { text: found.text, by: found.by, on: found.on } : null;
}

/** Where the closing approval stands: a local rule of procedure, carried out by the 结案审批表 (结案报告). */
export const CLOSING_APPROVAL_BASIS = '结案审批表（行政执法文书格式：承办人意见、审核人意见、负责人意见）；地方行政处罚程序规定（结案报经行政机关负责人批准）';

/** The places of the 结案审批表 each signed by its author before an ordinary case is closed. */
export const CLOSING_PLACES: readonly OpinionRole[] = ['undertaker', 'reviewer', 'head'];

/**
 * The places of the 结案审批表 not signed yet for closing `c`, given the closing step's own input (the officer closing
 * writes the 承办人意见 with it; a reviewer's or head's own opinion sent with the step counts as theirs — the effect
 * refuses one naming someone else). A case decided on the spot (简易程序) has no 结案审批表: it is filed with the agency
 * (备案, 《行政处罚法》第五十二条), so nothing is missing.
 */
export function missingClosingOpinions(
  c: Pick<CaseSnapshot, 'procedure' | 'record'>,
  input: { opinion?: string; reviewerOpinion?: unknown; headOpinion?: unknown } = {},
): OpinionRole[] {
  if (c.procedure === 'simple') return [];
  const given: Record<string, unknown> = { undertaker: input.opinion, reviewer: input.reviewerOpinion, head: input.headOpinion };
  return CLOSING_PLACES.filter((role) => !given[role] && !latestOpinion(c.record, 'closing', role));
}

/** The first head's approval of a 先行登记保存 no preservation has used yet, with its index in `opinions`. */
export function unusedPreservationApproval(record: CaseRecord): { index: number; opinion: FormOpinion } | null {
  const used = new Set(record.preservations.map((p) => p.approval));
  const opinions = record.opinions ?? [];
  const index = opinions.findIndex((o, i) => o.form === 'preservation' && o.role === 'head' && !used.has(i));
  const opinion = opinions[index];
  return opinion ? { index, opinion } : null;
}

/** One place of the approval form a case is at, as a viewer sees it: who signed it, and whether the viewer may sign it now. */
export interface ApprovalPlace {
  role: OpinionRole;
  roleLabel: string;
  signed: SignedOpinion | null;
  /** The viewer may sign this place now (their role, on the case where required, not an investigator where barred). */
  mine: boolean;
}

/** The approval form the case's state asks for (立案审批表 of a clue, 结案审批表 of a decided ordinary case), or null. */
export function currentApprovalForm(c: Pick<CaseSnapshot, 'state' | 'procedure'>): OpinionForm | null {
  if (c.state === 'clue') return 'filing';
  // 简易程序 has no 结案审批表 (备案, 《行政处罚法》第五十二条).
  if (c.procedure !== 'simple' && SLOTS.closing.states.includes(c.state)) return 'closing';
  return null;
}

/**
 * The places of the current approval form of `c` for `viewer`: signed or not, and whether it is the viewer's to sign
 * (the same rule `signOpinion` enforces). The head's approval of a filing is the 立案 step itself (第五十四条), so the
 * 立案审批表 lists only the 承办人 and 承办机构 places here.
 */
export function approvalPlaces(
  c: Pick<CaseSnapshot, 'state' | 'procedure' | 'officers' | 'investigators' | 'record'>,
  viewer: { userId: number; roles: readonly Role[] },
): { form: OpinionForm; formLabel: string; basis: string; places: ApprovalPlace[] } | null {
  const form = currentApprovalForm(c);
  if (!form) return null;
  const places = (Object.keys(SLOTS[form].places) as OpinionRole[]).map((role) => {
    const signed = latestOpinion(c.record, form, role);
    let mine = !signed;
    if (mine) {
      try {
        assertMaySign(c, form, role, viewer);
      } catch {
        mine = false;
      }
    }
    return { role, roleLabel: opinionRoleLabels[role], signed, mine };
  });
  return { form, formLabel: opinionFormLabels[form], basis: form === 'closing' ? CLOSING_APPROVAL_BASIS : OPINION_FORM_BASIS[form], places };
}
