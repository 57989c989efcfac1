/**
 * Maps the case engine's read shape (CaseView, services/cases/get-case.ts) onto the renderer's data contract
 * (DocumentCase). Only what the case records is carried over; nothing is invented. What the case does not record
 * yet (the agency's address and phone, the reconsideration body and court, the payment account, opinions on the
 * approval forms, the questions and answers of an inquiry …) stays empty, and the template that needs it refuses
 * with an error naming the field. The agency's own particulars come from an `AgencyProfile`.
 */
import { z } from 'zod';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { Penalty, PenaltyKind as CasePenaltyKind } from '../../domain/cases/model.ts';
import type { DocumentNumber } from '../../domain/documents/format.ts';
import type {
  CaseSource,
  DocumentCase,
  DocumentParty,
  Evidence,
  EvidenceKind,
  NoPenaltyGround,
  PenaltyItem,
  PenaltyKind,
  ServiceMethod,
} from '../../domain/documents/model.ts';
import { validationError } from '../../domain/errors.ts';
import type { CaseView } from '../cases/get-case.ts';

/** The issuing agency's particulars that documents print and the case does not hold. */
export const agencyProfileSchema = z.object({
  /** Seal text; defaults to the organization's name (the agency's own seal). */
  sealText: z.string().trim().min(1).optional(),
  address: z.string().trim().min(1, '请填写执法机关地址'),
  postalCode: z.string().regex(/^\d{6}$/, '邮政编码应为 6 位数字').optional(),
  contactPerson: z.string().trim().min(1, '请填写联系人'),
  phone: z.string().trim().min(5, '请填写联系电话'),
  reconsiderationBody: z.string().trim().min(2, '请填写行政复议机关（本级人民政府）'),
  court: z.string().trim().min(2, '请填写管辖的人民法院'),
  paymentAccount: z
    .object({ bank: z.string().trim().min(2), accountName: z.string().trim().min(2), account: z.string().trim().min(4) })
    .optional(),
  /** Prefix of the 案件编号 (立案编号), e.g. '锦城执立字'; the serial is the case id. */
  caseNumberPrefix: z.string().trim().min(1).optional(),
});
export type AgencyProfile = z.infer<typeof agencyProfileSchema>;

const NUMBER = /^(.+?)〔(\d{4})〕第?([1-9]\d*)号$/;

/**
 * Parses a 文号 the case engine registered. A number written "〔2024〕第15号" prints as "〔2024〕15号", the form of
 * GB/T 9704-2012 §7.2.4 (no 第); the serial and year are the same.
 */
export function parseDocumentNumber(text: string | null | undefined, field: string): DocumentNumber | undefined {
  if (!text) return undefined;
  const match = NUMBER.exec(text.trim());
  if (!match) throw validationError(`${field}“${text}”不是“机关代字〔年份〕序号号”的格式`, { field, value: text });
  return { prefix: match[1] ?? '', year: Number(match[2]), serial: Number(match[3]) };
}

const PENALTY_KINDS: Record<CasePenaltyKind, PenaltyKind> = {
  warning: 'warning',
  criticism: 'publicCriticism',
  fine: 'fine',
  confiscateIncome: 'confiscateIllegalGains',
  confiscateProperty: 'confiscateIllegalProperty',
  suspendLicense: 'suspendPermit',
  lowerQualification: 'lowerQualification',
  revokeLicense: 'revokePermit',
  restrictBusiness: 'restrictOperations',
  suspendBusiness: 'suspendProduction',
  close: 'closeDown',
  restrictEmployment: 'restrictPractice',
  other: 'other',
};

/** The case engine's penalty (one description for all kinds) as penalty items. */
export function penaltyItems(penalty: Penalty): PenaltyItem[] {
  return penalty.kinds.map((kind): PenaltyItem => {
    const mapped = PENALTY_KINDS[kind];
    if (mapped === 'fine') return { kind: mapped, amount: (penalty.fineFen ?? 0) / 100 };
    if (mapped === 'confiscateIllegalGains') return { kind: mapped, amount: (penalty.confiscationFen ?? 0) / 100 };
    if (mapped === 'warning') return { kind: mapped };
    return { kind: mapped, detail: penalty.description };
  });
}

const SOURCES: Record<string, CaseSource> = {
  patrol: 'patrol',
  complaint: 'complaint',
  hotline: 'complaint',
  video: 'digitalCityManagement',
  transfer: 'transferred',
  higherLevel: 'assigned',
};

const EVIDENCE_KINDS: Record<string, EvidenceKind> = {
  documentary: 'documentary',
  physical: 'physical',
  audioVisual: 'audioVisual',
  electronic: 'electronic',
  witness: 'witness',
  partyStatement: 'partyStatement',
  expertOpinion: 'expertOpinion',
  inspectionRecord: 'inspectionRecord',
  onSiteRecord: 'inspectionRecord',
};

const SERVICE_METHODS: Record<string, ServiceMethod> = {
  direct: 'direct',
  electronic: 'electronic',
  mail: 'mail',
  left: 'left',
  announcement: 'announcement',
  entrusted: 'entrusted',
};

const GROUNDS: Record<string, NoPenaltyGround> = {
  firstViolation: 'firstViolation',
  minor: 'minorCorrected',
  noFault: 'noFault',
  underFourteen: 'underFourteen',
  mentalIllness: 'mentalIllness',
  timeBarred: 'timeBarred',
};

function mapped<T>(table: Record<string, T>, key: string, what: string): T {
  const value = table[key];
  if (value === undefined) throw validationError(`无法把${what}“${key}”对应到文书`, { value: key });
  return value;
}

function party(view: CaseView): DocumentParty {
  const p = view.party;
  if (p.kind === 'person') {
    return { kind: 'person', name: p.name, idNumber: p.idNumber ?? '', address: p.address ?? '', ...(p.phone ? { phone: p.phone } : {}) };
  }
  return {
    kind: 'organization',
    name: p.name,
    creditCode: p.creditCode ?? '',
    legalRepresentative: p.legalRepresentative ?? '',
    legalRepresentativeTitle: '法定代表人',
    address: p.address ?? '',
    ...(p.phone ? { phone: p.phone } : {}),
  };
}

const empty = (date: IsoDate) => ({ text: '', by: '', date });

/**
 * The DocumentCase of a case as the engine records it, with the agency's particulars from `profile`. Particulars
 * not given stay empty, so the documents that print them name them as missing.
 */
export function caseViewToDocumentCase(view: CaseView, profile: Partial<AgencyProfile> = {}): DocumentCase {
  const record = view.record;
  const officers = view.officers.filter((o) => !o.recused).map((o) => ({ name: o.displayName, certificateNo: o.certificateNo ?? '' }));
  const decision = record.decision;
  const evidence: Evidence[] = view.evidence.map((e) => ({ kind: mapped(EVIDENCE_KINDS, e.kind, '证据种类'), name: e.title, proves: e.note ?? '' }));
  const proposed = record.notice?.penalty ?? record.proposal?.penalty ?? null;
  const penaltyBasis = decision?.penalty?.basis ?? proposed?.basis ?? view.violation?.penaltyProvision;
  const lastPayment = record.payments.at(-1);
  const c: DocumentCase = {
    agency: {
      name: view.organization.name,
      sealText: profile.sealText ?? view.organization.name,
      address: profile.address ?? '',
      ...(profile.postalCode ? { postalCode: profile.postalCode } : {}),
      contactPerson: profile.contactPerson ?? '',
      phone: profile.phone ?? '',
      reconsiderationBody: profile.reconsiderationBody ?? '',
      court: profile.court ?? '',
    },
    caseNumber: { prefix: profile.caseNumberPrefix ?? '', year: Number((record.filing?.on ?? view.registeredOn).slice(0, 4)), serial: view.id },
    actCode: view.actCode,
    procedure: view.procedure,
    causeOfAction: view.violation ? `${view.violation.name.replace(/案$/, '')}案` : view.title,
    source: SOURCES[view.clueSource] ?? 'other',
    party: party(view),
    officers,
    facts: record.investigation.findings ?? view.facts,
    evidence,
    ...(view.violation ? { violatedProvision: view.violation.violatedProvision } : {}),
    ...(penaltyBasis ? { penaltyProvision: penaltyBasis } : {}),
    ...(proposed ? { proposedPenalties: penaltyItems(proposed) } : {}),
    ...(profile.paymentAccount ? { paymentAccount: profile.paymentAccount } : {}),
  };
  if (record.filing) {
    c.filing = {
      date: record.filing.on,
      summary: view.facts,
      reason: record.filing.opinion,
      officerOpinion: empty(record.filing.on),
      unitOpinion: empty(record.filing.on),
      headApproval: { text: '', by: '', date: record.filing.on },
    };
  }
  if (record.notice) {
    const number = parseDocumentNumber(record.notice.number, '事先告知书文号');
    if (number) c.priorNotice = { number, date: record.notice.servedOn };
    if (number && record.notice.hearingOffered) c.hearingRightsNotice = { number, date: record.notice.servedOn };
  }
  if (record.statement) {
    c.statement = { made: !record.statement.waived, summary: record.statement.content, review: record.statement.reply };
  }
  if (record.hearing) {
    const h = record.hearing;
    const notice = parseDocumentNumber(h.noticeNumber, '听证通知书文号');
    c.hearing = {
      requestDate: h.requestedOn,
      notice: { number: notice ?? { prefix: '', year: 0, serial: 0 }, date: h.noticeServedOn ?? '' },
      start: h.hearingOn ?? '',
      place: h.place ?? '',
      publicHearing: true,
      host: h.presiderName ?? '',
      hearingOfficers: [],
      recorder: '',
      partyAttendees: [],
      ...(h.record ? { investigatorStatement: h.record } : {}),
    };
  }
  if (decision) {
    const number = parseDocumentNumber(decision.number, '决定书文号');
    if (decision.kind === 'penalty' && decision.penalty && number) {
      if (view.procedure === 'simple') {
        c.onSpotDecision = {
          formNumber: decision.number ?? '',
          time: decision.on,
          place: view.place,
          penalty: decision.penalty.kinds.includes('fine') ? 'fine' : 'warning',
          ...(decision.penalty.fineFen ? { amount: decision.penalty.fineFen / 100 } : {}),
          officers,
        };
      } else {
        c.decision = { number, date: decision.on, penalties: penaltyItems(decision.penalty) };
      }
    }
    if (decision.kind === 'noPenalty' && number && decision.ground) {
      c.noPenaltyDecision = {
        number,
        date: decision.on,
        ground: mapped(GROUNDS, decision.ground, '不予处罚理由'),
        reasoning: '',
        education: decision.education ?? '',
      };
    }
    if (decision.kind === 'transferJudicial') {
      c.transfer = {
        number: number ?? { prefix: '', year: 0, serial: 0 },
        date: decision.on,
        recipient: record.sideExit?.receiver ?? record.sideExit?.target ?? '',
        reason: decision.transferReason ?? '',
        basis: '《中华人民共和国行政处罚法》第二十七条第一款',
        materials: [],
      };
    }
  }
  if (record.service && decision?.number) {
    c.services = [
      {
        documentName: decision.kind === 'noPenalty' ? '不予行政处罚决定书' : view.procedure === 'simple' ? '当场行政处罚决定书' : '行政处罚决定书',
        ...(parseDocumentNumber(decision.number, '决定书文号') ? { documentNumber: parseDocumentNumber(decision.number, '决定书文号') } : {}),
        recipient: view.party.name,
        place: view.party.address ?? '',
        method: mapped(SERVICE_METHODS, record.service.method, '送达方式'),
        servedAt: record.service.on,
        servers: officers.map((o) => o.name),
      },
    ];
  }
  if (lastPayment) {
    c.payment = { paidDate: lastPayment.on, amount: record.payments.reduce((s, p) => s + p.amountFen, 0) / 100, receiptNo: lastPayment.receiptNo };
  }
  if (record.closing) {
    c.closing = {
      date: record.closing.on,
      execution: record.closing.summary,
      reason: record.closing.summary,
      undertakerOpinion: empty(record.closing.on),
      reviewerOpinion: empty(record.closing.on),
      headOpinion: empty(record.closing.on),
    };
  }
  if (record.archive) {
    c.archive = { fileNumber: record.archive.archiveNo, retention: '', result: decision ? (decision.penalty?.description ?? '') : '', archivedDate: record.archive.on, archivist: '' };
  }
  return c;
}
