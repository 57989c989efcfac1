import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, List, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { addDays } from '../../../domain/calendar/iso-date.ts';
import { type NamedPeriod, type PeriodId, penaltyPeriods } from '../../../domain/calendar/periods.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { ApiError, api, errorMessage } from '../../shared/api.ts';
import { formatChineseDate } from '../../shared/dates.ts';
import type { CalendarDays, DeadlineAnswer } from '../../../domain/admin/views.ts';

const periods: NamedPeriod[] = Object.values(penaltyPeriods);

const kindText = (kind: 'working' | 'calendar', days: number) => (kind === 'working' ? `${days} 个工作日` : `${days} 日（自然日）`);

const countingRule = (kind: 'working' | 'calendar') =>
  kind === 'working'
    ? '按工作日计算，不含法定节假日和休息日（《行政处罚法》第八十五条：“二日”“三日”“五日”“七日”的规定是指工作日）；开始的当日不计入，自下一日起算（《民法典》第二百零一条）。'
    : '按自然日计算，开始的当日不计入（《民法典》第二百零一条）；期间最后一日是法定休假日的，以休假日结束的次日为期间的最后一日（《民法典》第二百零三条第一款）。';

interface CalcForm {
  mode: 'named' | 'custom';
  period: PeriodId;
  date: Dayjs;
  days?: number;
  kind?: 'working' | 'calendar';
}

interface Answer {
  title: string;
  /** The date the user entered and what it is. */
  fromLabel: string;
  from: string;
  resultLabel: string;
  result: string;
  kind: 'working' | 'calendar';
  days: number;
  basis?: string;
  adjustableBy?: string;
  uncoveredYears: number[];
}

/**
 * 'before' periods (the hearing notice, 《行政处罚法》第六十四条第（二）项: 举行听证的七日前通知): the latest day to
 * act, counted back from the event without counting the event day. Working days come from the server's legal
 * calendar, so admin-entered holidays count.
 */
async function latestAdvanceDate(event: string, period: NamedPeriod): Promise<{ date: string; uncoveredYears: number[] }> {
  // Seven working days back never span more than 40 calendar days, even across the Spring Festival.
  const span = period.kind === 'working' ? Math.max(40, period.days * 6) : period.days + 30;
  const { days, uncoveredYears } = await api.get<CalendarDays>('/calendar/days', { from: addDays(event, -span), to: addDays(event, -1) });
  if (period.kind === 'working') {
    const working = days.filter((d) => d.working);
    const day = working[working.length - period.days];
    if (day) return { date: day.date, uncoveredYears };
  } else {
    // A calendar-day result on a rest day moves earlier, so the party never gets less notice.
    const target = addDays(event, -period.days);
    const day = days.filter((d) => d.working && d.date <= target).at(-1);
    if (day) return { date: day.date, uncoveredYears };
  }
  throw new ApiError('VALIDATION', '期间超出可计算范围', 0);
}

export default function DeadlinePage() {
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CalcForm>();
  const mode = Form.useWatch('mode', form) ?? 'named';
  const periodId = Form.useWatch('period', form);
  const selected = periodId ? penaltyPeriods[periodId] : undefined;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const calculate = async (values: CalcForm) => {
    setBusy(true);
    setError(null);
    try {
      const date = values.date.format('YYYY-MM-DD');
      if (values.mode === 'named') {
        const period = penaltyPeriods[values.period];
        if (period.direction === 'before') {
          const r = await latestAdvanceDate(date, period);
          setAnswer({
            title: period.label,
            fromLabel: period.trigger,
            from: date,
            resultLabel: '最迟应于此日前完成',
            result: r.date,
            kind: period.kind,
            days: period.days,
            basis: period.basis,
            uncoveredYears: r.uncoveredYears,
            ...(period.adjustableBy ? { adjustableBy: period.adjustableBy } : {}),
          });
        } else {
          const r = await api.get<DeadlineAnswer>('/calendar/deadline', { from: date, period: values.period });
          setAnswer({
            title: period.label,
            fromLabel: period.trigger,
            from: date,
            resultLabel: '期限届满日',
            result: r.deadline,
            kind: r.kind,
            days: r.days,
            basis: period.basis,
            uncoveredYears: r.uncoveredYears,
            ...(period.adjustableBy ? { adjustableBy: period.adjustableBy } : {}),
          });
        }
      } else {
        const r = await api.get<DeadlineAnswer>('/calendar/deadline', { from: date, days: values.days, kind: values.kind });
        setAnswer({ title: '自定义期间', fromLabel: '起算事件发生日', from: date, resultLabel: '期限届满日', result: r.deadline, kind: r.kind, days: r.days, uncoveredYears: r.uncoveredYears });
      }
    } catch (e) {
      setAnswer(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card title="法定期限计算器">
          <Form<CalcForm>
            form={form}
            layout="vertical"
            initialValues={{ mode: 'named', period: 'statement', date: dayjs(), kind: 'working' }}
            onFinish={(v) => void calculate(v)}
            onValuesChange={() => setError(null)}
          >
            <Form.Item name="mode" label="计算方式">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'named', label: '法定期间' },
                  { value: 'custom', label: '自定义天数' },
                ]}
              />
            </Form.Item>
            {mode === 'named' ? (
              <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择期间' }]} extra={selected ? `${kindText(selected.kind, selected.days)} · ${selected.basis}` : undefined}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={periods.map((p) => ({ value: p.id, label: `${p.label}（${kindText(p.kind, p.days)}）` }))}
                  data-testid="period-select"
                />
              </Form.Item>
            ) : (
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="days" label="天数" rules={[{ required: true, message: '请输入天数' }]}>
                    <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="kind" label="计算单位" rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      options={[
                        { value: 'working', label: '工作日' },
                        { value: 'calendar', label: '自然日' },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item
              name="date"
              label={mode === 'named' && selected ? `${selected.direction === 'before' ? '事件日期' : '起算日期'}：${selected.trigger}` : '起算日期'}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly={isPhone} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              计算
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        {error && <Alert type="error" showIcon title="计算失败" description={error} style={{ marginBottom: 16 }} />}
        {answer ? (
          <Card title={`计算结果：${answer.title}`} data-testid="deadline-result">
            <Typography.Title level={3} style={{ color: '#1a5fb4', marginTop: 0 }}>
              {answer.resultLabel}：{formatChineseDate(answer.result)}
            </Typography.Title>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={answer.fromLabel}>{formatChineseDate(answer.from)}</Descriptions.Item>
              <Descriptions.Item label="期间">{kindText(answer.kind, answer.days)}</Descriptions.Item>
              <Descriptions.Item label="计算规则">{countingRule(answer.kind)}</Descriptions.Item>
              {answer.basis && <Descriptions.Item label="法律依据">{answer.basis}</Descriptions.Item>}
              {answer.adjustableBy && <Descriptions.Item label="可另行规定">{answer.adjustableBy}，以本地规定为准</Descriptions.Item>}
            </Descriptions>
            {answer.uncoveredYears.length > 0 && (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title={`${answer.uncoveredYears.join('、')} 年的法定节假日安排尚未录入完整，结果可能不准确，请管理员在“法定工作日历”中录入。`}
              />
            )}
          </Card>
        ) : (
          !error && (
            <Card>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                选择期间和起算日期后点击“计算”。工作日依据国务院办公厅公布的放假安排及管理员录入的调整。
              </Typography.Paragraph>
            </Card>
          )
        )}
      </Col>
      <Col span={24}>
        <Card title="行政处罚程序中的法定期间">
          {isPhone ? (
            <List
              size="small"
              dataSource={periods}
              renderItem={(p) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <>
                        {p.label} <Tag color={p.kind === 'working' ? 'blue' : 'default'}>{kindText(p.kind, p.days)}</Tag>
                      </>
                    }
                    description={
                      <>
                        <div>起算：{p.direction === 'before' ? `${p.trigger}（向前倒算）` : p.trigger}</div>
                        <div>{p.basis}</div>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
            <Table<NamedPeriod>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={periods}
              columns={[
                { title: '期间', dataIndex: 'label' },
                { title: '起算事件', dataIndex: 'trigger', render: (t: string, p) => (p.direction === 'before' ? `${t}（向前倒算）` : t) },
                { title: '期限', key: 'days', render: (_, p) => <Tag color={p.kind === 'working' ? 'blue' : 'default'}>{kindText(p.kind, p.days)}</Tag> },
                { title: '依据', dataIndex: 'basis', width: '38%' },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
