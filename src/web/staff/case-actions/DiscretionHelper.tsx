import { CalculatorOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Collapse, Descriptions, Form, type FormInstance, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { formatYuan } from '../../../domain/cases/model.ts';
import {
  aggravatingCircumstances,
  aggravatingLabels,
  harmLabels,
  harmLevels,
  locationClasses,
  locationLabels,
  mitigatingCircumstances,
  mitigatingLabels,
  quantityKeys,
  quantityLabels,
} from '../../../domain/discretion/model.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { type DiscretionPreview, type SimilarCase, suggestedPenalty } from './discretion-suggestion.ts';
import { draftStore } from './drafts.ts';

// The review desk shows the same assessment (src/web/staff/pages/review/DiscretionAssessmentCard.tsx).
export type { DiscretionPreview } from './discretion-suggestion.ts';
import { pruneFacts, yuanToFen } from './form-values.ts';

type NamePath = (string | number)[];

const FACTS: NamePath = ['discretionFacts'];
const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
const exemptionLabels = { noPenalty: '应当不予处罚', mayWaive: '可以不予处罚（首违不罚）', none: '不适用免罚' } as const;

/**
 * The discretion helper of the proposal steps (调查终结, 调整拟处罚内容): the officer enters the facts the
 * benchmark grades by (《行政处罚法》第三十四条), the server answers with the tier, the range, its explanation,
 * whether the party must or may go unpunished (第三十三条) and similar decided cases; one button copies the
 * suggestion into the penalty fields. Nothing is saved until the step itself is submitted.
 */
export function DiscretionHelper({ caseId, form, penaltyPath, draftKey }: { caseId: number; form: FormInstance; penaltyPath: NamePath; draftKey: string }) {
  // The last result survives a remount of the form, like the typed facts (drafts.ts).
  const [preview, setPreviewState] = useState<DiscretionPreview | undefined>(() => draftStore.get(`${draftKey}/preview`));
  const setPreview = (p: DiscretionPreview) => {
    draftStore.set(`${draftKey}/preview`, p);
    setPreviewState(p);
  };
  const [similar, setSimilar] = useState<SimilarCase[] | undefined>(() => preview?.similarCases);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // What the case already recorded (facts of an earlier proposal) and the similar cases of its assessment.
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ cases: SimilarCase[] }>(`/cases/${caseId}/similar-cases`, undefined, controller.signal).then(
      (r) => setSimilar(r.cases),
      () => undefined,
    );
    api.post<DiscretionPreview>(`/cases/${caseId}/discretion/assess`, {}).then(
      (p) => {
        if (controller.signal.aborted || !p.facts) return;
        const { partyKind: _kind, age: _age, ...entered } = p.facts;
        if (form.getFieldValue(FACTS) === undefined) form.setFieldValue(FACTS, entered);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [caseId, form]);

  const assess = async () => {
    setBusy(true);
    setError(undefined);
    // Money in the form is in 元 (form-values.ts).
    const penalty = (form.getFieldValue(penaltyPath) ?? {}) as { fineFen?: number | null; outsideRangeReason?: string | null };
    const on = form.getFieldValue('on') as Dayjs | undefined;
    const facts = pruneFacts(form.getFieldValue(FACTS));
    try {
      const result = await api.post<DiscretionPreview>(`/cases/${caseId}/discretion/assess`, {
        ...(typeof facts === 'object' ? { facts } : { facts: {} }),
        ...(typeof penalty.fineFen === 'number' ? { fineFen: yuanToFen(penalty.fineFen), outsideRangeReason: penalty.outsideRangeReason?.trim() || null } : {}),
        ...(on ? { on: on.format('YYYY-MM-DD') } : {}),
      });
      setPreview(result);
      setSimilar(result.similarCases);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const fill = () => {
    if (!preview?.assessment) return;
    const suggestion = suggestedPenalty(preview);
    form.setFieldValue(penaltyPath, { ...(form.getFieldValue(penaltyPath) ?? {}), ...suggestion });
    if (suggestion.range) form.setFieldValue(['__enabled', [...penaltyPath, 'range'].join('.')], true);
    form.setFields(['kinds', 'fineFen', 'description', 'basis'].map((k) => ({ name: [...penaltyPath, k], errors: [] })));
    // setFieldValue does not trigger the form's onValuesChange: keep the draft here.
    draftStore.set(draftKey, form.getFieldsValue(true));
  };

  return (
    <Card size="small" title="裁量事实与裁量基准" style={{ marginBottom: 16 }} aria-label="裁量助手">
      <Typography.Paragraph type="secondary">按裁量基准录入案件情节，计算裁量阶次和罚款幅度（《行政处罚法》第三十四条）。事实随本步骤一并提交。</Typography.Paragraph>
      <FactsFields pending={preview?.assessment?.pendingTiers.flatMap((t) => t.unresolved) ?? []} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<CalculatorOutlined />} onClick={() => void assess()} loading={busy}>
          计算裁量
        </Button>
        <Button icon={<FormOutlined />} onClick={fill} disabled={!preview?.assessment || preview.assessment.outcome === 'undetermined' || preview.assessment.outcome === 'noPenalty'}>
          按建议填写处罚内容
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {preview && <PreviewView preview={preview} />}
      <SimilarCases cases={similar} />
    </Card>
  );
}

function FactsFields({ pending }: { pending: string[] }) {
  const tri = (name: string, label: string) => (
    <Form.Item name={[...FACTS, name]} label={label}>
      <Select options={yesNo} allowClear placeholder="未认定" />
    </Form.Item>
  );
  return (
    <>
      <Form.Item name={[...FACTS, 'repeatCountPastYear']} label="违法行为发生前一年内因同一违法行为受到行政处罚的次数" extra="首次违法填 0">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      {tri('corrected', '已改正')}
      <Form.Item name={[...FACTS, 'harm']} label="危害后果">
        <Select allowClear placeholder="未认定" options={harmLevels.map((h) => ({ value: h, label: harmLabels[h] }))} />
      </Form.Item>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'more',
            label: '数量、地段和其他情节',
            forceRender: true,
            children: (
              <>
                {quantityKeys.map((q) => (
                  <Form.Item key={q} name={[...FACTS, 'quantities', q]} label={quantityLabels[q].name}>
                    <InputNumber min={0} suffix={quantityLabels[q].unit} style={{ width: '100%' }} inputMode="decimal" />
                  </Form.Item>
                ))}
                <Form.Item name={[...FACTS, 'locationClass']} label="违法地段">
                  <Select allowClear placeholder="未认定" options={locationClasses.map((l) => ({ value: l, label: locationLabels[l] }))} />
                </Form.Item>
                <Form.Item name={[...FACTS, 'mitigating']} label="从轻、减轻情节（第三十二条）">
                  <Select mode="multiple" options={mitigatingCircumstances.map((m) => ({ value: m, label: mitigatingLabels[m] }))} />
                </Form.Item>
                <Form.Item name={[...FACTS, 'aggravating']} label="从重情节">
                  <Select mode="multiple" options={aggravatingCircumstances.map((m) => ({ value: m, label: aggravatingLabels[m] }))} />
                </Form.Item>
                {tri('violationMinor', '违法行为轻微')}
                {tri('cooperative', '积极配合调查')}
                {tri('noFault', '有证据足以证明没有主观过错')}
                {tri('mentalIncapacity', '不能辨认或者不能控制自己行为')}
                {tri('limitedCapacity', '尚未完全丧失辨认或者控制自己行为能力')}
              </>
            ),
          },
        ]}
      />
      {pending.length > 0 && (
        <Form.Item name={[...FACTS, 'confirmedConditions']} label="经调查确认的情形" extra="裁量基准中须由执法人员确认的适用条件">
          <Checkbox.Group options={[...new Set(pending)].map((t) => ({ value: t, label: t }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
        </Form.Item>
      )}
    </>
  );
}

export function PreviewView({ preview: p }: { preview: DiscretionPreview }) {
  const a = p.assessment;
  const range = (r: { min: number; max: number } | undefined) => (r ? `${formatYuan(yuanToFen(r.min))} 至 ${formatYuan(yuanToFen(r.max))}` : '—');
  return (
    <div aria-label="裁量结果" style={{ marginBottom: 16 }}>
      {!p.benchmark && <Alert type="info" showIcon title={p.note ?? '没有适用的裁量基准'} style={{ marginBottom: 12 }} />}
      {a && (
        <Descriptions size="small" column={1} bordered layout="vertical" style={{ marginBottom: 12 }}>
          <Descriptions.Item label="裁量基准">{p.benchmark?.citation}</Descriptions.Item>
          <Descriptions.Item label="裁量阶次">{a.tier ? <Tag color="blue">{a.tier.name}</Tag> : '尚不能确定'}</Descriptions.Item>
          <Descriptions.Item label="裁量幅度">{range(a.fine)}</Descriptions.Item>
          <Descriptions.Item label="法定幅度">{range(a.statutoryFine)}</Descriptions.Item>
          <Descriptions.Item label="说明">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.explanation}</Typography.Paragraph>
          </Descriptions.Item>
          {p.exemption && (
            <Descriptions.Item label="免罚">
              <Tag color={p.exemption.outcome === 'none' ? 'default' : 'orange'}>{exemptionLabels[p.exemption.outcome]}</Tag> {p.exemption.explanation}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {a && a.missingFacts.length > 0 && <Alert type="warning" showIcon title="还需录入的事实" description={a.missingFacts.join('；')} style={{ marginBottom: 12 }} />}
      {p.proposal && (
        <Alert
          type={!p.proposal.accepted ? 'error' : p.proposal.withinRange ? 'success' : 'warning'}
          showIcon
          title={p.proposal.message}
          description={[p.proposal.article && `依据：${p.proposal.article}`, p.proposal.requiresLegalReview && '超出裁量幅度，作出决定前须经法制审核'].filter(Boolean).join('；') || undefined}
        />
      )}
    </div>
  );
}

export function SimilarCases({ cases }: { cases: SimilarCase[] | undefined }) {
  if (!cases) return null;
  return (
    <List
      size="small"
      header={<strong>类似已决案件</strong>}
      locale={{ emptyText: '没有类似的已决案件' }}
      dataSource={cases}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <a href={`/cases/${c.caseId}`} target="_blank" rel="noreferrer">
                {c.decisionNumber ?? c.title}
              </a>
            }
            description={`${c.decidedOn} · ${c.tierName} · ${formatYuan(c.fineFen)}${c.reasons.length ? ` · ${c.reasons.join('，')}` : ''}`}
          />
        </List.Item>
      )}
    />
  );
}
