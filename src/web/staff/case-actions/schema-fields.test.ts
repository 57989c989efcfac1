import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { caseActionInput } from '../../../domain/cases/actions.ts';
import { clueInput, onSpotInput } from '../../../domain/cases/registration.ts';
import { labelTableFor } from './enum-labels.ts';
import { checkPayload, initialValues, toPayload, yuanToFen } from './form-values.ts';
import { type FieldSpec, fieldsOf, flattenFields } from './schema-fields.ts';

const variants = caseActionInput.options.map((schema) => ({ action: schema.shape.action.value as string, schema, fields: fieldsOf(schema, ['action']) }));
const forms = [...variants, { action: 'clue', schema: clueInput, fields: fieldsOf(clueInput) }, { action: 'onSpot', schema: onSpotInput, fields: fieldsOf(onSpotInput) }];
const field = (fields: FieldSpec[], path: string) => flattenFields(fields).find((f) => f.path.join('.') === path)!;
const fieldsFor = (action: string) => forms.find((v) => v.action === action)!.fields;
const schemaFor = (action: string) => forms.find((v) => v.action === action)!.schema;
const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('forms generated from the case schemas', () => {
  it('every field of every action, the clue and the on-spot decision has a Chinese title', () => {
    const untitled = forms.flatMap((v) => flattenFields(v.fields).filter((f) => !hasCjk(f.title)).map((f) => `${v.action}.${f.path.join('.')}`));
    expect(untitled).toEqual([]);
  });

  it('every enum has Chinese labels for all its values', () => {
    const unlabelled = forms.flatMap((v) =>
      flattenFields(v.fields)
        .filter((f) => (f.kind === 'enum' || f.kind === 'enumList') && !labelTableFor(f.options.map((o) => o.value)))
        .map((f) => `${v.action}.${f.path.join('.')}`),
    );
    expect(unlabelled).toEqual([]);
    expect(field(fieldsFor('closeInvestigation'), 'proposal.kind')).toMatchObject({ kind: 'enum', options: expect.arrayContaining([{ value: 'penalty', label: '行政处罚决定' }]) });
  });

  it('shows what the discretion engine fills (tier, range, benchmark version) but never sends it', () => {
    const close = fieldsFor('closeInvestigation');
    for (const path of ['proposal.penalty.tier', 'proposal.penalty.range', 'proposal.penalty.benchmarkVersion']) expect(field(close, path).readOnly).toBe(true);
    expect(field(close, 'proposal.penalty.fineFen').readOnly).toBe(false);
    const payload = toPayload(close, {
      findings: '事实清楚',
      proposal: { kind: 'penalty', penalty: { kinds: ['fine'], fineFen: 500, description: '罚款', basis: '依据', tier: '较重', range: { minFen: 100, maxFen: 200 }, benchmarkVersion: 'v9' } },
      __enabled: { 'proposal.penalty.range': true },
    });
    const penalty = (payload.proposal as { penalty: Record<string, unknown> }).penalty;
    expect(penalty).toMatchObject({ fineFen: 50_000 });
    expect(penalty).not.toHaveProperty('tier');
    expect(penalty).not.toHaveProperty('range');
    expect(penalty).not.toHaveProperty('benchmarkVersion');
  });

  it('picks the widget from the type, the date format and the field name', () => {
    const close = fieldsFor('closeInvestigation');
    expect(field(close, 'on')).toMatchObject({ kind: 'date', required: false, title: '办理日期' });
    expect(field(close, 'proposal.penalty.fineFen')).toMatchObject({ kind: 'money', nullable: true, title: '罚款金额' });
    expect(field(close, 'proposal.penalty.kinds')).toMatchObject({ kind: 'enumList', minItems: 1 });
    expect(field(close, 'proposal.penalty.basis')).toMatchObject({ kind: 'longText', required: true });
    expect(field(close, 'discretionFacts')).toMatchObject({ kind: 'facts' });
    expect(field(fieldsFor('file'), 'officerIds')).toMatchObject({ kind: 'referenceList', ref: 'certifiedOfficer', minItems: 2 });
    // 集体讨论: heads (and 列席) are picked as users, not typed in (issue 12 item 12).
    expect(field(fieldsFor('collectiveDiscussion'), 'participantIds')).toMatchObject({ kind: 'referenceList', ref: 'user', minItems: 3 });
    expect(field(fieldsFor('collectiveDiscussion'), 'attendees')).toMatchObject({ kind: 'textList' });
    expect(field(fieldsFor('decideRecusal'), 'officerId')).toMatchObject({ kind: 'reference', ref: 'caseOfficer' });
    expect(field(fieldsFor('decideRecusal'), 'replacementId')).toMatchObject({ kind: 'reference', ref: 'certifiedOfficer', nullable: true });
    expect(field(fieldsFor('scheduleHearing'), 'presiderId')).toMatchObject({ kind: 'reference', ref: 'user' });
    expect(field(fieldsFor('clue'), 'powerItemId')).toMatchObject({ kind: 'reference', ref: 'powerItem', nullable: true });
    expect(field(fieldsFor('clue'), 'actEndedOn')).toMatchObject({ kind: 'date', nullable: true, required: true });
    expect(field(fieldsFor('clue'), 'party')).toMatchObject({
      kind: 'variant',
      discriminator: 'kind',
      variants: [
        expect.objectContaining({ value: 'person', label: '自然人' }),
        expect.objectContaining({ value: 'organization', label: '法人或其他组织' }),
        // Issue 15: a clue may name no party yet; filing needs one (《行政处罚法》第五十四条).
        expect.objectContaining({ value: 'unknown', label: '尚不明确' }),
      ],
    });
    expect(field(fieldsFor('onSpot'), 'party')).toMatchObject({ variants: [expect.objectContaining({ value: 'person' }), expect.objectContaining({ value: 'organization' })] });
    expect(field(fieldsFor('approveDeferral'), 'instalments')).toMatchObject({ kind: 'objectList', fields: [expect.objectContaining({ name: 'dueOn', kind: 'date' }), expect.objectContaining({ name: 'amountFen', kind: 'money' })] });
  });
});

describe('form values to the server body', () => {
  const today = '2026-11-20';

  it('money typed in 元 is sent in 分 exactly', () => {
    expect(yuanToFen(1000)).toBe(100000);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1234.56)).toBe(123456);
  });

  it('a penalty proposal: dates as YYYY-MM-DD, 元 → 分, fields of other proposal kinds left out, the same zod check as the server passes', () => {
    const fields = fieldsFor('closeInvestigation');
    const values = initialValues(fields, today) as Record<string, Record<string, unknown>>;
    expect(dayjs.isDayjs(values.on)).toBe(true);
    values.findings = '当事人在门店外摆卖，经责令改正拒不改正。' as never;
    values.proposal = { kind: 'penalty', ground: 'minor', education: '已教育', penalty: { kinds: ['fine'], fineFen: 1000, description: '罚款人民币壹仟元整', basis: '《深圳市市容和环境卫生管理条例》' } };
    const payload = toPayload(fields, values);
    expect(payload).toMatchObject({ on: today, findings: expect.any(String), flags: { complex: false, majorPublicInterest: false, socialImpact: false } });
    expect(payload.proposal).toMatchObject({
      kind: 'penalty',
      penalty: { kinds: ['fine'], fineFen: 100000, confiscationFen: null, description: '罚款人民币壹仟元整', basis: '《深圳市市容和环境卫生管理条例》', outsideRangeReason: null },
      ground: null,
      education: null,
      transferReason: null,
    });
    expect(checkPayload(schemaFor('closeInvestigation'), { action: 'closeInvestigation', ...payload }, fields)).toEqual([]);
  });

  it('a missing required field gets a Chinese message naming it, on its own path', () => {
    const fields = fieldsFor('file');
    const problems = checkPayload(schemaFor('file'), { action: 'file', ...toPayload(fields, initialValues(fields, today)) }, fields);
    expect(problems).toEqual(expect.arrayContaining([{ name: ['officerIds'], message: '立案须指定至少两名执法人员' }, { name: ['opinion'], message: '立案意见至少 2 个字' }]));
    const clue = fieldsFor('clue');
    const clueProblems = checkPayload(clueInput, toPayload(clue, initialValues(clue, today)), clue);
    expect(clueProblems).toContainEqual({ name: ['clueSource'], message: '请填写“线索来源”' });
    expect(clueProblems).toContainEqual({ name: ['party', 'name'], message: '姓名至少 2 个字' });
  });

  it('a continuing act is sent with a null end date; the chosen party kind decides which fields are sent', () => {
    const clue = fieldsFor('clue');
    const values = { ...initialValues(clue, today), party: { kind: 'organization', name: '某某公司', creditCode: '91539902MA6K7X1Y2X', idNumber: '不应发送' } };
    const payload = toPayload(clue, values);
    expect(payload.actEndedOn).toBeNull();
    expect(payload.discoveredOn).toBe(today);
    expect(payload.party).toEqual({ kind: 'organization', name: '某某公司', creditCode: '91539902MA6K7X1Y2X', legalRepresentative: null, phone: null, address: null });
  });

  it('a statement the party waived sends no content; a recusal not granted sends no replacement', () => {
    const statement = fieldsFor('recordStatement');
    expect(toPayload(statement, { on: dayjs(today), waived: true, content: '写了又放弃' })).toEqual({ on: today, waived: true, hearingWaived: false });
    const recusal = fieldsFor('decideRecusal');
    expect(toPayload(recusal, { officerId: 7, granted: false, replacementId: 9 })).toEqual({ officerId: 7, granted: false, replacementId: null });
  });

  it('discretion facts keep only what was answered', () => {
    const close = fieldsFor('closeInvestigation');
    const payload = toPayload(close, { discretionFacts: { repeatCountPastYear: 0, corrected: false, harm: undefined, mitigating: [], quantities: { area_m2: null } } });
    expect(payload.discretionFacts).toEqual({ repeatCountPastYear: 0, corrected: false });
  });
});
