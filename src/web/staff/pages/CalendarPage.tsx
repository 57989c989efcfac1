import { DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Radio, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { dayOfWeek, isoDateFromParts } from '../../../domain/calendar/iso-date.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { api } from '../../shared/api.ts';
import { chinaToday } from '../../shared/dates.ts';
import { showServerErrors } from '../../shared/forms.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { CalendarDays, CalendarOverrideJson as CalendarOverride, CalendarOverridesJson as CalendarOverrides, CalendarRangeAnswer, DayInfo } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';
import { useMe } from '../auth.tsx';
import { adminPolicy } from '../../../domain/admin/policy.ts';
import { may } from '../../../domain/policy.ts';

const statusLook: Record<DayInfo['status'], { background: string; color: string; label: string }> = {
  weekday: { background: '#ffffff', color: '#222', label: '工作日' },
  weekend: { background: '#f0f0f0', color: '#888', label: '周末休息' },
  holiday: { background: '#fde8e8', color: '#c0392b', label: '法定节假日（休）' },
  'makeup-workday': { background: '#fff4e0', color: '#b36b00', label: '调休上班（班）' },
};

const sourceText: Record<DayInfo['source'], string> = { override: '管理员录入', base: '国务院放假安排', statutory: '法定节日（待公布当年安排）', 'weekday-rule': '按星期推定' };

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** A month of the legal calendar, Monday first, coloured by working / rest / holiday / make-up workday. */
function MonthView({ year, month, onPick, generation }: { year: number; month: number; onPick?: (date: string) => void; generation: number }) {
  const from = isoDateFromParts(year, month, 1)!;
  const to = lastDayOfMonth(year, month);
  const remote = useRemote((signal) => api.get<CalendarDays>('/calendar/days', { from, to }, signal), [from, to, generation]);
  const today = chinaToday();
  return (
    <RemoteView remote={remote} rows={6}>
      {({ days, uncoveredYears }) => {
        const blanks = (dayOfWeek(from) + 6) % 7;
        const working = days.filter((d) => d.working).length;
        return (
          <>
            {uncoveredYears.length > 0 && (
              <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${uncoveredYears.join('、')} 年的放假安排尚未录入完整，非周末的节假日可能缺失。`} />
            )}
            <div role="grid" aria-label={`${year}年${month}月`} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4 }}>
              {['一', '二', '三', '四', '五', '六', '日'].map((w) => (
                <div key={w} style={{ textAlign: 'center', fontSize: 12, color: '#888' }}>
                  {w}
                </div>
              ))}
              {Array.from({ length: blanks }, (_, i) => (
                <div key={`blank-${i}`} />
              ))}
              {days.map((d) => {
                const look = statusLook[d.status];
                const mark = d.status === 'holiday' ? '休' : d.status === 'makeup-workday' ? '班' : '';
                return (
                  <Tooltip key={d.date} title={`${d.date} ${look.label}${d.name ? ` · ${d.name}` : ''}（${sourceText[d.source]}）`}>
                    <button
                      type="button"
                      data-date={d.date}
                      data-working={d.working}
                      onClick={() => onPick?.(d.date)}
                      style={{
                        background: look.background,
                        color: look.color,
                        border: d.date === today ? '2px solid #1a5fb4' : '1px solid #e5e5e5',
                        borderRadius: 4,
                        minHeight: 48,
                        padding: '2px 4px',
                        cursor: onPick ? 'pointer' : 'default',
                        textAlign: 'left',
                        font: 'inherit',
                      }}
                    >
                      <div style={{ display: 'flex', justifyContent: 'space-between', fontWeight: 600 }}>
                        <span>{Number(d.date.slice(8))}</span>
                        {mark && <span style={{ fontSize: 11 }}>{mark}</span>}
                      </div>
                      <div style={{ fontSize: 11, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{d.name ?? ''}</div>
                    </button>
                  </Tooltip>
                );
              })}
            </div>
            <Space wrap size={[12, 4]} style={{ marginTop: 8, fontSize: 12 }}>
              {Object.entries(statusLook).map(([key, look]) => (
                <span key={key}>
                  <span style={{ display: 'inline-block', width: 12, height: 12, background: look.background, border: '1px solid #ddd', marginRight: 4, verticalAlign: -2 }} />
                  {look.label}
                </span>
              ))}
              <span>本月工作日 {working} 天</span>
            </Space>
          </>
        );
      }}
    </RemoteView>
  );
}

interface DayForm {
  date: Dayjs;
  kind: 'holiday' | 'workday';
  name?: string;
}

interface RangeForm {
  range: [Dayjs, Dayjs];
  kind: 'holiday' | 'workday';
  name: string;
}

/** The fields both holiday forms share: when (one day or a range), 放假 or 调休上班, and the holiday's name. */
function DayKindFields({ when, whenName, whenLabel, nameRequired = false, namePlaceholder }: { when: ReactNode; whenName: string; whenLabel: string; nameRequired?: boolean; namePlaceholder: string }) {
  const nameRules = [...(nameRequired ? [{ required: true, whitespace: true, message: '请填写节日名称' }] : []), { max: 30, message: '名称不超过 30 个字' }];
  return (
    <>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name={whenName} label={whenLabel} rules={[{ required: true, message: `请选择${whenLabel}` }]}>
            {when}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'holiday', label: '放假' },
                { value: 'workday', label: '调休上班' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={nameRequired ? '节日名称' : '节日名称（可选）'} rules={nameRules}>
        <Input placeholder={namePlaceholder} maxLength={30} />
      </Form.Item>
    </>
  );
}

/** Admin: a holiday entered as one range with one name (国庆节 10月1日至8日), all days or none. */
function RangeAdmin({ onChanged }: { onChanged: () => void }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<RangeForm>();
  const [saving, setSaving] = useState(false);
  const save = async (values: RangeForm) => {
    setSaving(true);
    try {
      const [from, to] = values.range.map((d) => d.format('YYYY-MM-DD')) as [string, string];
      const { days, recounted } = await api.post<CalendarRangeAnswer>('/calendar/ranges', { from, to, kind: values.kind, name: values.name });
      message.success(`已录入 ${from} 至 ${to}，共 ${days.length} 天${recounted > 0 ? `；${recounted} 个未届满期限已重新计算` : ''}`);
      form.resetFields(['range', 'name']);
      onChanged();
    } catch (e) {
      message.error(showServerErrors(form, e, ['kind', 'name']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<RangeForm> form={form} layout="vertical" initialValues={{ kind: 'holiday' }} onFinish={(v) => void save(v)} data-testid="range-admin" name="calendar-range" style={{ marginTop: 16 }}>
      <Typography.Text strong>按区间录入</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        如国庆节 10月1日至8日放假：选择起止日期、填写名称，一次录入（每天单独记入审计）；调休上班日多为单日，可在上方逐日录入。
      </Typography.Paragraph>
      <DayKindFields
        when={<DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly={isPhone} id={{ start: 'calendar-range-from', end: 'calendar-range-to' }} />}
        whenName="range"
        whenLabel="起止日期"
        nameRequired
        namePlaceholder="如：国庆节"
      />
      <Button type="primary" htmlType="submit" loading={saving}>
        录入区间
      </Button>
    </Form>
  );
}

/** Admin: the year's entered holidays and make-up workdays, adding and removing them, marking the year complete. */
function YearAdmin({ year, pickedDate, onChanged, generation }: { year: number; pickedDate: string | null; onChanged: () => void; generation: number }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayForm>();
  const [saving, setSaving] = useState(false);
  const remote = useRemote((signal) => api.get<CalendarOverrides>('/calendar/overrides', { year }, signal), [year, generation]);
  useEffect(() => {
    if (pickedDate) form.setFieldValue('date', dayjs(pickedDate));
  }, [pickedDate, form]);

  const save = async (values: DayForm) => {
    setSaving(true);
    try {
      const date = values.date.format('YYYY-MM-DD');
      await api.put(`/calendar/overrides/${date}`, { kind: values.kind, ...(values.name?.trim() ? { name: values.name.trim() } : {}) });
      message.success(`已保存 ${date}`);
      // Clear the name for the next day unless it was changed while this one was being saved.
      if (form.getFieldValue('name') === values.name) form.resetFields(['name']);
      onChanged();
    } catch (e) {
      message.error(showServerErrors(form, e, ['kind', 'name', 'date']));
    } finally {
      setSaving(false);
    }
  };
  const remove = async (date: string) => {
    try {
      await api.delete(`/calendar/overrides/${date}`);
      message.success(`已删除 ${date} 的设置`);
      onChanged();
    } catch (e) {
      message.error(showServerErrors(form, e, []));
    }
  };
  const setComplete = async (complete: boolean) => {
    try {
      const { recounted } = await api.put<{ recounted: number }>(`/calendar/years/${year}`, { complete });
      const recount = recounted > 0 ? `，${recounted} 个未届满期限已按新日历重新计算（见各案件办理记录）` : '';
      message.success(`${complete ? `已标记 ${year} 年放假安排录入完整` : `已取消 ${year} 年的完整标记`}${recount}`);
      onChanged();
    } catch (e) {
      message.error(showServerErrors(form, e, []));
    }
  };

  return (
    <Card title={`${year} 年节假日与调休录入`} data-testid="year-admin">
      <Typography.Paragraph type="secondary">
        国务院办公厅每年11月前后公布次年放假安排。请逐日录入放假日（含调休休息日）和调休上班日；全部录入后标记“已录入完整”：系统不再提示该年数据缺失，并按录入的安排重新计算跨该年的未届满期限（此前按法定节日暂算，标有“待复核”）。点击日历中的日期可快速填入。
      </Typography.Paragraph>
      <Form<DayForm> form={form} layout="vertical" initialValues={{ kind: 'holiday' }} onFinish={(v) => void save(v)} data-testid="day-admin" name="calendar-day">
        <DayKindFields when={<DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />} whenName="date" whenLabel="日期" namePlaceholder="如：春节、国庆节" />
        <Button type="primary" htmlType="submit" loading={saving}>
          保存该日
        </Button>
      </Form>
      <RangeAdmin onChanged={onChanged} />
      <RemoteView remote={remote}>
        {({ overrides, completeYears }) => (
          <>
            <Space style={{ margin: '16px 0 8px' }}>
              <Switch checked={completeYears.includes(year)} onChange={(v) => void setComplete(v)} aria-label="已录入完整" />
              <span>{year} 年放假安排已录入完整</span>
            </Space>
            <Table<CalendarOverride>
              rowKey="date"
              size="small"
              pagination={false}
              locale={{ emptyText: `${year} 年尚无管理员录入的日期（系统内置数据仍然有效）` }}
              dataSource={overrides}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '类型', dataIndex: 'kind', render: (k: string) => (k === 'holiday' ? <Tag color="red">放假</Tag> : <Tag color="orange">调休上班</Tag>) },
                { title: '名称', dataIndex: 'name', render: (n: string | null) => n ?? '—' },
                {
                  title: '操作',
                  key: 'op',
                  render: (_, row) => (
                    <Popconfirm title={`删除 ${row.date} 的设置？`} okText="删除" cancelText="取消" onConfirm={() => remove(row.date)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${row.date}`} />
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </>
        )}
      </RemoteView>
    </Card>
  );
}

export default function CalendarPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const canEdit = may(me, adminPolicy.editCalendar, me);
  const today = chinaToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const [picked, setPicked] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const step = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    setYear(Math.floor(index / 12));
    setMonth((index % 12) + 1);
  };
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i);

  const monthControls = (
    <Space size={4}>
      <Button size="small" icon={<LeftOutlined />} aria-label="上个月" onClick={() => step(-1)} />
      <Select size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 88 }} />
      <Select size="small" value={month} onChange={setMonth} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} style={{ width: 72 }} />
      <Button size="small" icon={<RightOutlined />} aria-label="下个月" onClick={() => step(1)} />
    </Space>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={canEdit ? 13 : 24}>
        <Card title="法定工作日历" extra={isPhone ? undefined : monthControls}>
          {isPhone && <div style={{ marginBottom: 12 }}>{monthControls}</div>}
          <MonthView year={year} month={month} generation={generation} {...(canEdit ? { onPick: setPicked } : {})} />
        </Card>
      </Col>
      {canEdit && (
        <Col xs={24} xl={11}>
          <YearAdmin year={year} pickedDate={picked} generation={generation} onChanged={() => setGeneration((g) => g + 1)} />
        </Col>
      )}
    </Row>
  );
}
