/**
 * Inputs of what a case records for its enforcement documents (执法文书): the records made during the
 * investigation (现场检查（勘验）笔录, 询问笔录), the 责令（限期）改正通知书, the 催告书, service records (送达回证)
 * and opinions signed by a named user. The actions here join `caseActionInput` (actions.ts); the rules they
 * must satisfy are guards in workflow.ts, each citing its article.
 */
import { z } from 'zod';
import { idInput, MAX_ID } from '../ids.ts';
import { isIsoDate } from '../calendar/iso-date.ts';

/** The message of a required field left out (zod's own says "expected string, received undefined"). */
export const missing = (label: string, verb = '请填写') => (issue: { input: unknown }) => (issue.input === undefined ? `${verb}${label}` : undefined);

const text = (label: string, max = 2000) =>
  z.string({ error: missing(label) }).trim().min(2, `${label}至少 2 个字`).max(max, `${label}不超过 ${String(max)} 个字`).meta({ title: label });
const userId = idInput('人员编号');
const on = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期').optional().meta({ title: '办理日期', format: 'date' });

/**
 * Why a step comes after the deadline it meets (an agency deadline: 先行登记保存处理决定, 作出决定, 送达 …). Required
 * then (services/cases/step.ts `meetStepDeadlines`); kept on the deadline, which is flagged for supervision.
 */
export const lateReasonInput = z
  .string()
  .trim()
  .min(5, '逾期理由至少 5 个字')
  .max(500, '逾期理由不超过 500 个字')
  .optional()
  .meta({ title: '逾期办理的理由', description: '晚于法定期限办理的，须说明理由；逾期办理将列入执法监督' });

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** A user named by id who must be given (a recorder, a reporter): "请选择…" when left out. */
export const requiredUserInput = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `请选择${label}` : `${label}应为人员编号`) })
    .int(`${label}应为人员编号`)
    .positive(`${label}应为人员编号`)
    .max(MAX_ID, `${label}的人员编号超出范围`);

/** A China wall-clock time `YYYY-MM-DDTHH:mm`, as records print it (年月日时分). */
export const localDateTimeInput = (label: string) =>
  z
    .string({ error: missing(label) })
    .refine((v) => {
      const m = LOCAL_DATE_TIME.exec(v);
      return m !== null && isIsoDate(m[1] ?? '');
    }, `${label}格式应为 YYYY-MM-DDTHH:mm（如 2026-03-03T09:30）`)
    .meta({ title: label, format: 'date-time-local' });

/** A time of day `HH:mm` on the act's date. */
export const timeOfDayInput = (label: string) =>
  z
    .string({ error: missing(label) })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 HH:mm（如 09:30）`)
    .meta({ title: label, format: 'time' });

/**
 * An opinion on an approval form, signed by the user who sends it: nobody writes an opinion in another's name.
 * `byId`, if sent, must be the sender (services/cases/effects/documents.ts `signed`); the others sign in their own
 * session with the `signOpinion` step.
 */
export const signedOpinion = (label: string) =>
  z
    .object({
      text: text(label, 1000),
      byId: userId.optional().meta({ title: '签署人', description: '只能是本人；他人的意见由其本人登录后“签署审批意见”', readOnly: true }),
    })
    .meta({ title: label });
export type SignedOpinionInput = z.infer<ReturnType<typeof signedOpinion>>;

/**
 * The approval forms whose opinions are signed step by step, each by its author in their own session:
 * 立案审批表 (《行政处罚法》第五十四条), 先行登记保存 approval (第五十六条), 结案审批表.
 */
export const opinionForms = ['filing', 'preservation', 'closing', 'decline', 'withdrawal', 'suspension', 'resumption', 'termination', 'deferral'] as const;
export type OpinionForm = (typeof opinionForms)[number];
export const opinionFormLabels: Record<OpinionForm, string> = {
  filing: '立案审批',
  preservation: '先行登记保存审批',
  closing: '结案审批',
  decline: '不予立案审批',
  withdrawal: '撤销立案审批',
  suspension: '中止调查审批',
  resumption: '恢复调查审批',
  termination: '终止调查审批',
  deferral: '延期（分期）缴纳罚款审批',
};
/** The approval forms whose 承办 opinions come before an act the head takes (不予立案, 撤销立案, …): form → the act. */
export const actOpinionForms = {
  decline: 'decline',
  withdrawal: 'withdrawFiling',
  suspension: 'suspend',
  resumption: 'resume',
  termination: 'terminate',
  deferral: 'approveDeferral',
} as const satisfies Partial<Record<OpinionForm, string>>;
/** The places on a form: 承办人意见, 承办机构意见, 审核意见, 负责人意见（批准）. */
export const opinionRoles = ['undertaker', 'unit', 'reviewer', 'head'] as const;
export type OpinionRole = (typeof opinionRoles)[number];
export const opinionRoleLabels: Record<OpinionRole, string> = { undertaker: '承办人意见', unit: '承办机构意见', reviewer: '审核意见', head: '负责人意见' };

/** 《行政处罚法》第六十四条第（三）项: reasons a hearing is held in private. */
export const confidentialHearingReasons = ['stateSecret', 'tradeSecret', 'privacy'] as const;
export const confidentialHearingReasonLabels: Record<(typeof confidentialHearingReasons)[number], string> = {
  stateSecret: '涉及国家秘密',
  tradeSecret: '涉及商业秘密',
  privacy: '涉及个人隐私',
};

/** 保管期限 of a case file (机关文件材料归档范围和文书档案保管期限: 永久、定期30年、定期10年). */
export const archiveRetentions = ['permanent', 'years30', 'years10'] as const;
export type ArchiveRetention = (typeof archiveRetentions)[number];
export const archiveRetentionLabels: Record<ArchiveRetention, string> = { permanent: '永久', years30: '30年', years10: '10年' };

export const serviceMethodKeys = ['direct', 'electronic', 'mail', 'left', 'announcement'] as const;

/** Fields a recorded 更正 may change (corrections.ts has the table with the reason of each). */
export const correctionFieldKeys = ['serviceTime', 'serviceMethod', 'servicePlace', 'serviceDate', 'receiptNo'] as const;

/** How a document was served (送达回证, 《行政处罚法》第六十一条), besides the method. */
export const serviceFields = {
  place: text('送达地点', 200).optional().meta({ title: '送达地点', description: '默认当事人住址或地址' }),
  /** Required: the 送达回证 prints the time of service (《行政处罚法》第六十一条). */
  time: timeOfDayInput('送达时间').meta({ title: '送达时间', description: '送达的时刻（时:分），印在送达回证上' }),
  /** 代收: who signed instead of the recipient, and why. */
  receiver: z.object({ name: text('代收人', 40), reason: text('代收理由', 200) }).optional().meta({ title: '代收人及代收理由' }),
  /** 留置送达: the witness (《民事诉讼法》第八十九条). */
  witness: text('见证人', 60).optional().meta({ title: '见证人', description: '留置送达时必填' }),
  /** 电子送达: the party's written consent (《行政处罚法》第六十一条第二款). */
  electronicConsent: text('电子送达确认书', 200).optional().meta({ title: '当事人同意电子送达的确认书', description: '电子送达时必填' }),
  serverIds: z.array(userId).min(1).max(4).optional().meta({ title: '送达人', description: '默认办理本步骤的执法人员' }),
  /** 公告送达 is the last resort (《民事诉讼法》第九十五条): why the party could not be served otherwise. */
  announcementReason: text('公告送达理由', 500)
    .optional()
    .meta({ title: '采用公告送达的理由', description: '受送达人下落不明，或者以直接、留置、邮寄等其他方式无法送达的情况；公告送达时必填，自公告发出之日起经过三十日视为送达（《民事诉讼法》第九十五条）' }),
};
const serviceMethodInput = z
  .enum(serviceMethodKeys, { error: (issue) => (issue.input === undefined ? '请选择送达方式' : '送达方式无效') })
  .meta({ title: '送达方式' });
export const serviceInput = z.object({ method: serviceMethodInput, ...serviceFields }).meta({ title: '送达情况' });
/**
 * The service record of a step that serves its document (事先告知书, 听证通知书): required, since the document is
 * recorded as served on the step's day and its 送达回证 prints how, when, where and by whom.
 */
export const requiredServiceInput = (label: string) =>
  z.object({ method: serviceMethodInput, ...serviceFields }, { error: missing(label) }).meta({ title: label, description: '送达方式、时间、地点、送达人等，印在送达回证上' });
export type ServiceInput = z.infer<typeof serviceInput>;

const materials = z
  .array(z.object({ name: text('材料名称', 100), count: text('数量', 20) }))
  .min(1, '至少列出一项移送材料')
  .max(30)
  .meta({ title: '移送材料清单' });

const interviewee = z
  .object({
    name: text('被询问人姓名', 40),
    idNumber: z.string().trim().min(15, '请填写被询问人公民身份号码').max(18).meta({ title: '公民身份号码' }),
    employer: z.string().trim().max(100).optional().meta({ title: '工作单位' }),
    position: z.string().trim().max(40).optional().meta({ title: '职务' }),
    address: text('住址', 200),
    phone: z.string().trim().min(5, '请填写联系电话').max(30).meta({ title: '联系电话' }),
    relation: text('与本案关系', 40).meta({ title: '与本案关系', description: '如“当事人”“当事人的法定代表人”“证人”' }),
  })
  .meta({ title: '被询问人' });

const officersOnRecord = (label: string) =>
  z.array(userId).min(2, `${label}至少两名执法人员（《行政处罚法》第四十二条）`).max(6).meta({ title: label, description: '本案持有效执法证件的执法人员，至少两名（第四十二条）' });

export const recordActionInputs = {
  materials,
  actions: [
    /** 现场检查（勘验）笔录 (《行政处罚法》第五十五条). */
    z.object({
      action: z.literal('recordInspection'),
      on,
      startAt: localDateTimeInput('检查开始时间'),
      endAt: localDateTimeInput('检查结束时间'),
      place: text('检查地点', 200),
      inspectorIds: officersOnRecord('检查人员'),
      recorderId: userId.meta({ title: '记录人', description: '本案执法人员' }),
      presentPerson: text('在场人', 100).meta({ title: '当事人或在场人', description: '如“赵志强（当事人）”' }),
      findings: text('现场情况', 5000).meta({ title: '现场情况', description: '客观描述：位置、面积或数量等' }),
      mediaRefs: z.string().trim().max(200).optional().meta({ title: '照片、视频编号' }),
    }),
    /** 询问笔录 (《行政处罚法》第五十五条). */
    z.object({
      action: z.literal('recordInquiry'),
      on,
      startAt: localDateTimeInput('询问开始时间'),
      endAt: localDateTimeInput('询问结束时间'),
      place: text('询问地点', 200),
      interviewee,
      questionerIds: officersOnRecord('询问人'),
      recorderId: userId.meta({ title: '记录人', description: '本案执法人员' }),
      rightsAnswer: text('被询问人对出示证件和告知权利的答复', 200),
      exchanges: z
        .array(z.object({ question: text('问', 1000), answer: text('答', 2000) }))
        .min(1, '至少记录一问一答')
        .max(60)
        .meta({ title: '询问内容' }),
    }),
    /** 责令（限期）改正通知书 (《行政处罚法》第二十八条第一款). */
    z.object({
      action: z.literal('orderCorrection'),
      on,
      finding: text('责令改正时查明的违法事实', 2000),
      requirement: text('责令改正的内容', 1000),
      deadline: z.string().refine(isIsoDate, '改正期限应为 YYYY-MM-DD').optional().meta({ title: '改正期限', format: 'date', description: '不填为立即改正' }),
      basis: text('责令改正的依据', 300).optional().meta({ title: '责令改正的依据', description: '如“《中华人民共和国城乡规划法》第六十四条”' }),
      service: serviceInput.optional().meta({ title: '通知书送达情况' }),
    }),
    /** 催告书 (《行政处罚法》第七十二条; 《行政强制法》第三十五条、第四十五条). */
    z.object({
      action: z.literal('remindPayment'),
      on,
      periodDays: z.number().int().min(1, '催告履行期限至少 1 日').max(30, '催告履行期限不超过 30 日').default(10).meta({ title: '催告履行期限（日）' }),
      service: serviceInput.optional().meta({ title: '催告书送达情况' }),
    }),
  ] as const,
};
