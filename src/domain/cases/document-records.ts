/**
 * What the case record keeps for its enforcement documents (执法文书), beside the procedural record of
 * snapshot.ts. Every field is optional on the record: cases recorded before these existed have none, and the
 * document that needs one then refuses, naming it. People are kept by id and by the name they had then.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { ArchiveRetention, confidentialHearingReasons, OpinionForm, OpinionRole, serviceMethodKeys } from './record-inputs.ts';

export interface PersonRef {
  id: number;
  name: string;
}

/** An opinion on an approval form: text, who (a user), when. */
export interface SignedOpinion {
  text: string;
  by: PersonRef;
  on: IsoDate;
}

/** An opinion signed on an approval form by its author in their own session (`signOpinion`). */
export interface FormOpinion extends SignedOpinion {
  form: OpinionForm;
  role: OpinionRole;
}

/** 现场检查（勘验）笔录. Times are China wall-clock `YYYY-MM-DDTHH:mm`. */
export interface InspectionEntry {
  on: IsoDate;
  startAt: string;
  endAt: string;
  place: string;
  inspectors: PersonRef[];
  recorder: PersonRef;
  presentPerson: string;
  findings: string;
  mediaRefs: string | null;
}

/** 询问笔录. */
export interface InquiryEntry {
  on: IsoDate;
  startAt: string;
  endAt: string;
  place: string;
  interviewee: { name: string; idNumber: string; employer?: string; position?: string; address: string; phone: string; relation: string };
  questioners: PersonRef[];
  recorder: PersonRef;
  rightsAnswer: string;
  exchanges: { question: string; answer: string }[];
}

/** 责令（限期）改正通知书. */
export interface CorrectionOrderEntry {
  on: IsoDate;
  number: string;
  finding: string;
  requirement: string;
  deadline: IsoDate | null;
  basis: string | null;
}

/** Which document a service record is for. */
export type ServedDocument = 'priorNotice' | 'hearingNotice' | 'decision' | 'correctionOrder' | 'reminder';

/** 送达回证: one per document served (《行政处罚法》第六十一条). */
export interface ServiceEntry {
  document: ServedDocument;
  number: string | null;
  on: IsoDate;
  /** `HH:mm`, when recorded. */
  time: string | null;
  method: (typeof serviceMethodKeys)[number];
  place: string;
  recipient: string;
  receiver: { name: string; reason: string } | null;
  witness: string | null;
  electronicConsent: string | null;
  /** 公告送达: why the other ways failed (《民事诉讼法》第九十五条); absent on older entries. */
  announcementReason?: string | null;
  servers: PersonRef[];
}

/** 催告书 (加处罚款 computed on its date, 《行政处罚法》第七十二条). */
export interface ReminderEntry {
  on: IsoDate;
  number: string;
  periodDays: number;
  lateFeeFen: number;
  owedFen: number;
}

/** The hearing's particulars for the notice and the 听证笔录 (《行政处罚法》第六十四条). */
export interface HearingDetails {
  startTime?: string | null;
  hearingOfficers?: PersonRef[];
  recorder?: PersonRef | null;
  publicHearing?: boolean;
  confidentialReason?: (typeof confidentialHearingReasons)[number] | null;
  startAt?: string | null;
  endAt?: string | null;
  partyAttendees?: string[];
  agents?: string[];
  investigatorStatement?: string | null;
  partyStatement?: string | null;
  debate?: string | null;
  finalStatement?: string | null;
}

/** 集体讨论笔录 particulars (《行政处罚法》第五十七条第二款). */
export interface DiscussionDetails {
  /** The heads who took part, as users (`participants` keeps their names); absent on records from before. */
  participantRefs?: PersonRef[];
  /** 列席: users who are not heads of the case's unit or above, and named non-users. */
  attendees?: string[];
  host?: PersonRef;
  startAt?: string | null;
  endAt?: string | null;
  place?: string | null;
  recorder?: string | null;
  reporter?: PersonRef | null;
  opinions?: { speaker: string; opinion: string }[];
}

export interface FilingDetails {
  /** 承办人意见 as the filing head typed it (records made before opinions were signed by their authors). */
  officerOpinion?: string | null;
  /** 承办人意见 signed by an officer in their own session. */
  undertakerOpinion?: SignedOpinion | null;
  unitOpinion?: SignedOpinion | null;
  approvedByName?: string;
}

export interface ClosingDetails {
  execution?: string | null;
  undertakerOpinion?: SignedOpinion | null;
  reviewerOpinion?: SignedOpinion | null;
  headOpinion?: SignedOpinion | null;
}

export interface ArchiveDetails {
  retention?: ArchiveRetention | null;
  archivist?: PersonRef;
}

/** A transfer's letter (案件移送函): its number and what goes with it. */
export interface TransferDetails {
  number?: string | null;
  materials?: { name: string; count: string }[] | null;
}

/** The lists the record gains for documents. */
/** The party's signature drawn on the screen for one record (party-signatures.ts); the PNG is stored under its SM3 digest. */
export interface PartySignature {
  /** `services.<i>`, `inquiries.<i>` or `inspections.<i>`: the record signed. */
  target: string;
  title: string;
  digest: string;
  size: number;
  /** When it was drawn (ISO time), and the officer who held the screen. */
  signedAt: string;
  recordedBy: PersonRef;
}

export interface DocumentRecords {
  /** The party's signatures drawn on the screen (absent on older records). */
  partySignatures?: PartySignature[];
  inspections?: InspectionEntry[];
  inquiries?: InquiryEntry[];
  correctionOrders?: CorrectionOrderEntry[];
  services?: ServiceEntry[];
  reminders?: ReminderEntry[];
}
