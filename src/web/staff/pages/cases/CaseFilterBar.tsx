import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, DatePicker, Form, Input, Row, Select, Space, Tag, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { isIsoDate } from '../../../../domain/calendar/iso-date.ts';
import { caseStateKeys, caseStates, type CaseState, penaltyKindKeys, penaltyKinds, type PenaltyKind } from '../../../../domain/cases/model.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import type { Remote } from '../../../shared/use-remote.ts';
import type { FilterOptions } from './filter-options.ts';
import { type CaseFilters, deadlineFilters, type FilterKey, filterKeys } from './filters.ts';

interface Props {
  filters: CaseFilters;
  onChange: (change: CaseFilters) => void;
  options: Remote<FilterOptions>;
}

/** A date from the URL for a picker; a malformed one shows as empty (the list itself reports it in Chinese). */
const day = (value: string | undefined, suffix = '') => (value && isIsoDate(value + suffix) ? dayjs(value + suffix) : null);

const label = (text: string, id: string) => ({ label: text, htmlFor: id, style: { marginBottom: 8 } });

/** The search box and the filters of the case list; on a phone the filters fold away behind a button. */
export function CaseFilterBar({ filters, onChange, options }: Props) {
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const active = filterKeys.filter((k) => k !== 'q' && filters[k]).length;
  const search = (
    <Input.Search
      id="case-search"
      aria-label="搜索案件"
      placeholder="文号、行政行为码、案由或当事人"
      allowClear
      enterButton="搜索"
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(value) => onChange({ q: value.trim() })}
    />
  );
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        {search}
        {isPhone && (
          <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`筛选条件${active ? `（已选 ${active} 项）` : ''}`}>
            <Badge count={active} size="small" offset={[6, -4]}>
              筛选
            </Badge>
          </Button>
        )}
      </Space.Compact>
      {(!isPhone || open) && <FilterFields filters={filters} onChange={onChange} options={options} />}
      <ActiveFilters filters={filters} onChange={onChange} options={options.data} />
    </Space>
  );
}

function FilterFields({ filters, onChange, options }: Props) {
  const data = options.data;
  const select = (key: FilterKey, placeholder: string, items: { value: string; label: string }[], loading = false) => (
    <Select
      id={`case-filter-${key}`}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      loading={loading}
      value={filters[key]}
      options={items}
      onChange={(value?: string) => onChange({ [key]: value ?? '' })}
      style={{ width: '100%' }}
    />
  );
  const col = (node: ReactNode, key: string) => (
    <Col key={key} xs={24} sm={12} lg={6}>
      {node}
    </Col>
  );
  const loading = options.loading && !data;
  return (
    <Form layout="vertical" component="div" data-testid="case-filters">
      <Row gutter={12}>
        {col(<Form.Item {...label('状态', 'case-filter-state')}>{select('state', '全部状态', caseStateKeys.map((s) => ({ value: s, label: caseStates[s] })))}</Form.Item>, 'state')}
        {col(
          <Form.Item {...label('办案期限', 'case-filter-deadline')}>
            {select('deadline', '不限', Object.entries(deadlineFilters).map(([value, text]) => ({ value, label: text })))}
          </Form.Item>,
          'deadline',
        )}
        {col(
          <Form.Item {...label('承办人员', 'case-filter-officerId')}>
            {select('officerId', '全部人员', (data?.officers ?? []).map((u) => ({ value: String(u.id), label: `${u.displayName}（${u.organizationName}）` })), loading)}
          </Form.Item>,
          'officer',
        )}
        {col(
          <Form.Item {...label('办案单位', 'case-filter-organizationId')}>
            <TreeSelect
              id="case-filter-organizationId"
              allowClear
              treeDefaultExpandAll
              placeholder="全部单位（含下级）"
              loading={loading}
              value={filters.organizationId ? Number(filters.organizationId) : undefined}
              treeDataSimpleMode
              treeData={(data?.organizations ?? []).map((o) => ({ id: o.id, pId: o.parentId, value: o.id, title: o.name }))}
              onChange={(value?: number) => onChange({ organizationId: value ? String(value) : '' })}
              style={{ width: '100%' }}
            />
          </Form.Item>,
          'org',
        )}
        {col(
          <Form.Item {...label('违法行为', 'case-filter-violation')}>
            {select('violation', '全部事项', (data?.violations ?? []).map((v) => ({ value: v.code, label: `${v.code} ${v.name}` })), loading)}
          </Form.Item>,
          'violation',
        )}
        {col(<Form.Item {...label('事项类别', 'case-filter-category')}>{select('category', '全部类别', (data?.categories ?? []).map((c) => ({ value: c, label: c })), loading)}</Form.Item>, 'category')}
        {col(
          <Form.Item {...label('处罚种类', 'case-filter-penaltyKind')}>
            {select('penaltyKind', '不限', penaltyKindKeys.map((k) => ({ value: k, label: penaltyKinds[k] })))}
          </Form.Item>,
          'penalty',
        )}
        {col(
          <Form.Item {...label('登记月份', 'case-filter-month')}>
            <DatePicker
              id="case-filter-month"
              picker="month"
              placeholder="选择月份"
              inputReadOnly
              value={day(filters.month, '-01')}
              onChange={(d) => onChange({ month: d ? d.format('YYYY-MM') : '' })}
              style={{ width: '100%' }}
            />
          </Form.Item>,
          'month',
        )}
        <Col xs={24} lg={12}>
          <Form.Item {...label('登记日期', 'case-filter-from')}>
            <DatePicker.RangePicker
              id={{ start: 'case-filter-from', end: 'case-filter-to' }}
              placeholder={['起始日期', '截止日期']}
              allowEmpty={[true, true]}
              value={[day(filters.from), day(filters.to)]}
              onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD') ?? '', to: range?.[1]?.format('YYYY-MM-DD') ?? '' })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** The filters in force as closable tags, with one button to clear them all. */
function ActiveFilters({ filters, onChange, options }: { filters: CaseFilters; onChange: (change: CaseFilters) => void; options: FilterOptions | undefined }) {
  const tags = describeFilters(filters, options);
  if (!tags.length) return null;
  const clearAll = Object.fromEntries(filterKeys.map((k) => [k, ''])) as CaseFilters;
  return (
    <Space wrap size={[4, 4]} data-testid="active-filters">
      {tags.map((t) => (
        <Tag key={t.keys.join()} closable color="blue" onClose={() => onChange(Object.fromEntries(t.keys.map((k) => [k, ''])))}>
          {t.text}
        </Tag>
      ))}
      <Button size="small" type="link" onClick={() => onChange(clearAll)}>
        清除全部筛选
      </Button>
    </Space>
  );
}

function describeFilters(f: CaseFilters, o: FilterOptions | undefined): { keys: FilterKey[]; text: string }[] {
  const out: { keys: FilterKey[]; text: string }[] = [];
  const add = (keys: FilterKey[], text: string | false | undefined) => {
    if (text) out.push({ keys, text });
  };
  add(['q'], f.q && `搜索：${f.q}`);
  add(['state'], f.state && `状态：${caseStates[f.state as CaseState] ?? f.state}`);
  add(['deadline'], f.deadline && `期限：${deadlineFilters[f.deadline as keyof typeof deadlineFilters] ?? f.deadline}`);
  add(['officerId'], f.officerId && `承办人员：${o?.officers.find((u) => String(u.id) === f.officerId)?.displayName ?? f.officerId}`);
  add(['organizationId'], f.organizationId && `办案单位：${o?.organizations.find((u) => String(u.id) === f.organizationId)?.name ?? f.organizationId}`);
  const violation = o?.violations.find((v) => v.code === f.violation);
  add(['violation'], f.violation && `违法行为：${f.violation}${violation ? ` ${violation.name}` : ''}`);
  add(['category'], f.category && `类别：${f.category}`);
  add(['penaltyKind'], f.penaltyKind && `处罚种类：${penaltyKinds[f.penaltyKind as PenaltyKind] ?? f.penaltyKind}`);
  add(['month'], f.month && `登记月份：${f.month}`);
  add(['from', 'to'], (f.from || f.to) && `登记日期：${f.from ?? '不限'} 至 ${f.to ?? '不限'}`);
  return out;
}
