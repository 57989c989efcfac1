/**
 * Inputs that start a case: registering a clue (线索登记) and the simple-procedure decision on the spot
 * (简易程序, 《行政处罚法》第五十一条、第五十二条). Kept in the domain so the server, the CLI and the web forms
 * validate with the same schemas; every field carries its Chinese title for generated forms.
 */
import { z } from 'zod';
import type { IsoDate } from '../calendar/iso-date.ts';
import { validationError } from '../errors.ts';
import { idInput } from '../ids.ts';
import { isoDateInput, onSpotPenaltyInput } from './actions.ts';
import { clueSources } from './model.ts';
import { cluePartyInput, partyInput } from './parties.ts';

const sourceKeys = Object.keys(clueSources) as [keyof typeof clueSources, ...(keyof typeof clueSources)[]];

export const clueInput = z.object({
  /** Defaults to the actor's organization; may be any organization in the actor's subtree. */
  organizationId: idInput('办案单位').optional().meta({ title: '办案单位', description: '默认为本单位' }),
  clueSource: z.enum(sourceKeys, { message: '线索来源无效' }).meta({ title: '线索来源' }),
  title: z.string().trim().min(4, '案由至少 4 个字').max(100, '案由不超过 100 个字').meta({ title: '案由', description: '如：涉嫌超出门窗外墙摆卖案' }),
  facts: z.string().trim().min(10, '违法事实至少 10 个字').max(5000, '违法事实不超过 5000 个字').meta({ title: '违法事实' }),
  place: z.string().trim().min(2, '违法地点至少 2 个字').max(200, '违法地点不超过 200 个字').meta({ title: '违法地点' }),
  actStartedOn: isoDateInput.meta({ title: '违法行为开始日期' }),
  /**
   * null: the act still continues (继续状态) — the one way to say so, so an act cannot be both ended and continuing.
   * A date: the day it ended, between its start and its discovery (checkActDates).
   */
  actEndedOn: isoDateInput.nullable().meta({ title: '违法行为终了日期', description: '一次性违法行为填写行为当日；仍在继续的不填并勾选下一项（《行政处罚法》第三十六条第二款）；不得晚于发现日期' }),
  /**
   * Says that a blank end date means a continuing act, so a date merely forgotten is not taken for one (the limitation
   * period of 第三十六条第二款 runs from the end). The web form sends false by default; absent (older API clients):
   * a null end date is a continuing act, as before.
   */
  actContinuing: z.boolean().optional().meta({ title: '违法行为仍在继续', description: '勾选后不填终了日期，追责期限从行为终了之日起计算（第三十六条第二款）' }),
  harmsSafety: z.boolean().default(false).meta({ title: '涉及公民生命健康安全、金融安全且有危害后果', description: '追责期限延长至五年（《行政处罚法》第三十六条第一款）' }),
  discoveredOn: isoDateInput.meta({ title: '发现日期' }),
  powerItemId: idInput('权责清单事项').nullable().meta({ title: '违法行为（权责清单事项）', description: '尚不能确定的可暂不选择，立案前须确定' }),
  /** 尚不明确 is allowed on a clue (e.g. a 12345 report of an unknown vendor); filing needs the party (第五十四条). */
  party: cluePartyInput.meta({ title: '当事人', description: '当事人尚不明确的，可选“尚不明确”并描述其特征，立案前须查明' }),
});
export type ClueInput = z.infer<typeof clueInput>;

/**
 * What the 当场行政处罚决定书 prints of the party (《行政处罚法》第五十二条; template `on-spot-decision`, partyFields):
 * the address always, and an organization's legal representative — required in the form, so a decision made on the
 * spot can always be printed and handed over.
 */
const onSpotAddress = z
  .string({ error: '请填写当事人住址或地址（当场处罚决定书载明）' })
  .trim()
  .min(2, '请填写当事人住址或地址（当场处罚决定书载明）')
  .max(200, '地址不超过 200 个字')
  .meta({ title: '地址', description: '当场处罚决定书载明当事人住址或地址（第五十二条）' });
const [personParty, organizationParty] = partyInput.options;
export const onSpotPartyInput = z.discriminatedUnion('kind', [
  personParty.extend({ address: onSpotAddress }),
  organizationParty.extend({
    address: onSpotAddress,
    legalRepresentative: z
      .string({ error: '请填写法定代表人（负责人）（当场处罚决定书载明）' })
      .trim()
      .min(2, '请填写法定代表人（负责人）（当场处罚决定书载明）')
      .max(50)
      .meta({ title: '法定代表人' }),
  }),
]);

/** 简易程序: the clue's facts, two officers present (第五十二条) and the penalty decided on the spot. */
export const onSpotInput = clueInput.omit({ clueSource: true, discoveredOn: true }).extend({
  /** 第五十一条: 违法事实确凿并有法定依据 — the violation is known when deciding on the spot. */
  powerItemId: idInput('权责清单事项').meta({ title: '违法行为（权责清单事项）', description: '当场处罚须有法定依据（第五十一条）' }),
  party: onSpotPartyInput.meta({ title: '当事人', description: '当场处罚决定书载明的当事人信息（第五十二条）' }),
  officerIds: z
    .array(idInput('执法人员'))
    .min(2, '当场处罚须有两名执法人员')
    .max(4)
    .meta({ title: '在场执法人员', description: '两名持有效执法证件的执法人员，须包括本人（第五十二条）' }),
  penalty: onSpotPenaltyInput.meta({ title: '当场处罚内容', description: '警告，或对个人 200 元以下、对单位 3000 元以下罚款（第五十一条）' }),
});
export type OnSpotInput = z.infer<typeof onSpotInput>;

/**
 * The dates of the illegal act (《行政处罚法》第三十六条: the limitation period runs from the day the act ended, or
 * from its end when it continues): it started on or before it was discovered, and it either ended — on a day not
 * before it started and not after it was discovered (what was not yet over when discovered was discovered continuing;
 * a far-future “end” such as 9999-12-31 is neither) — or continues (`endedOn` null). For the simple procedure the
 * discovery is the day of the decision. Refused on the field, in Chinese.
 */
export function checkActDates(act: { actStartedOn: IsoDate; actEndedOn: IsoDate | null; actContinuing?: boolean | undefined }, discoveredOn: IsoDate): void {
  const refuse = (field: 'actStartedOn' | 'actEndedOn', message: string) => validationError(message, { fields: [{ field, message }] });
  if (act.actStartedOn > discoveredOn) throw refuse('actStartedOn', '违法行为开始日期不能晚于发现日期');
  if (act.actEndedOn === null && act.actContinuing === false) {
    throw refuse('actEndedOn', '请填写违法行为终了日期（一次性违法行为填行为当日）；违法行为仍在继续的，请勾选“违法行为仍在继续”');
  }
  if (act.actEndedOn !== null && act.actContinuing === true) throw refuse('actEndedOn', '违法行为仍在继续的，不填终了日期');
  if (act.actEndedOn === null) return;
  if (act.actEndedOn < act.actStartedOn) throw refuse('actEndedOn', '违法行为终了日期不能早于开始日期');
  if (act.actEndedOn > discoveredOn) {
    throw refuse('actEndedOn', `违法行为终了日期不能晚于发现日期（${discoveredOn}）；发现时仍在继续的，终了日期不填，按继续状态登记`);
  }
}

/**
 * The case's title once decided: a 案由 is registered as a suspicion (“涉嫌擅自占道经营案”); after the decision the
 * violation is established, and what is published says so (“擅自占道经营案”). Decisions of no penalty are not
 * published (《行政处罚法》第四十八条).
 */
export function decidedCaseTitle(title: string): string {
  const stripped = title.replace(/^涉嫌/, '');
  return stripped.length >= 2 ? stripped : title;
}
