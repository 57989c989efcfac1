import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, TimePicker, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { formatYuan } from '../../../domain/cases/model.ts';
import { isToggleable, isVisible, toggleName, yuanToFen } from './form-values.ts';
import { useReferences } from './references.tsx';
import type { FieldSpec, ReferenceKind } from './schema-fields.ts';

type NamePath = (string | number)[];

export interface SchemaFieldsProps {
  fields: readonly FieldSpec[];
  /** Where these fields sit in the form's values ([] at the root; [index] inside a list item). */
  parent?: NamePath;
  /** Renders the discretion facts (the helper needs the case; see DiscretionHelper). */
  renderFacts?: (field: FieldSpec) => ReactNode;
}

/** The fields of a generated form (inside an antd Form), one column, each with its Chinese title and hint. */
export function SchemaFields({ fields, parent = [], renderFacts }: SchemaFieldsProps) {
  return (
    <>
      {fields.map((f) => (
        <Conditional key={f.name} field={f} parent={parent}>
          <FieldView field={f} parent={parent} renderFacts={renderFacts} />
        </Conditional>
      ))}
    </>
  );
}

/** Shows a field only while its sibling condition holds (e.g. the penalty only for a penalty proposal). */
function Conditional({ field, parent, children }: { field: FieldSpec; parent: NamePath; children: ReactNode }) {
  const siblingsPath = parent.length ? parent : field.path.slice(0, -1);
  return (
    <Form.Item noStyle shouldUpdate>
      {(form) => (isVisible(field, siblingsPath.length ? form.getFieldValue(siblingsPath) : form.getFieldsValue(true)) ? children : null)}
    </Form.Item>
  );
}

function FieldView({ field: f, parent, renderFacts }: { field: FieldSpec; parent: NamePath; renderFacts: SchemaFieldsProps['renderFacts'] }) {
  const name = [...parent, f.name];
  const common = { name, label: f.title, extra: f.description, required: f.required && !f.nullable && f.kind !== 'boolean' };
  if (f.readOnly) {
    return (
      <Form.Item {...common} required={false}>
        <ReadOnlyValue />
      </Form.Item>
    );
  }
  switch (f.kind) {
    case 'facts':
      return <>{renderFacts?.(f)}</>;
    case 'object':
      return <ObjectField field={f} name={name} renderFacts={renderFacts} />;
    case 'objectList':
      return <ListField field={f} name={name} />;
    case 'variant':
      return (
        <Card size="small" title={f.title} style={{ marginBottom: 16 }}>
          <Form.Item name={[...name, f.discriminator]} label="类型" required>
            <Radio.Group optionType="button" buttonStyle="solid" options={f.variants.map((v) => ({ value: v.value, label: v.label }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {(form) => {
              const chosen = f.variants.find((v) => v.value === form.getFieldValue([...name, f.discriminator]));
              return chosen ? <SchemaFields fields={chosen.fields} parent={name} renderFacts={renderFacts} /> : null;
            }}
          </Form.Item>
        </Card>
      );
    case 'boolean':
      return (
        <Form.Item {...common} valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      );
    case 'text':
    case 'longText':
    case 'date':
    case 'dateTime':
    case 'time':
    case 'money':
    case 'integer':
    case 'number':
    case 'enum':
    case 'enumList':
    case 'textList':
    case 'reference':
    case 'referenceList':
      return (
        <Form.Item {...common}>
          <ScalarInput field={f} />
        </Form.Item>
      );
  }
}

/** A value the system fills (e.g. the discretion tier and range): shown as text, kept in the form as it is. */
function ReadOnlyValue({ value }: { value?: unknown }) {
  const text = readOnlyText(value);
  return <Typography.Text type={text ? undefined : 'secondary'}>{text || '由系统填写'}</Typography.Text>;
}

function readOnlyText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object' && 'minFen' in value && 'maxFen' in value) {
    const { minFen, maxFen } = value as { minFen?: number | null; maxFen?: number | null };
    // The form holds money in 元 (form-values.ts).
    return [minFen, maxFen].map((v) => (v === null || v === undefined ? '—' : formatYuan(yuanToFen(v)))).join(' 至 ');
  }
  return String(value);
}

/** Inputs of one value; antd's Form.Item passes `value` and `onChange` through. */
function ScalarInput({ field: f, ...control }: { field: FieldSpec; value?: unknown; onChange?: (v: unknown) => void }) {
  const isPhone = useIsPhone();
  const props = control as Record<string, unknown>;
  switch (f.kind) {
    case 'date':
      return <DatePicker {...props} style={{ width: '100%' }} inputReadOnly={isPhone} allowClear={f.nullable || !f.required} placeholder="选择日期" />;
    case 'dateTime':
      return <DatePicker {...props} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly={isPhone} placeholder="选择日期和时间" />;
    case 'time':
      return <TimePicker {...props} format="HH:mm" style={{ width: '100%' }} inputReadOnly={isPhone} placeholder="选择时间" />;
    case 'money':
      return <InputNumber {...props} min={0} precision={2} step={100} suffix="元" style={{ width: '100%' }} inputMode="decimal" placeholder="单位：元" />;
    case 'integer':
    case 'number':
      return <InputNumber {...props} precision={f.kind === 'integer' ? 0 : undefined} style={{ width: '100%' }} inputMode="numeric" />;
    case 'enum':
      return <Select {...props} options={f.options} allowClear={f.nullable || !f.required} placeholder={`请选择${f.title}`} />;
    case 'enumList':
      return <Select {...props} mode="multiple" options={f.options} placeholder={`请选择${f.title}`} />;
    case 'textList':
      return <Select {...props} mode="tags" open={false} placeholder="逐项输入，按回车确认" tokenSeparators={['，', ',', '、']} />;
    case 'reference':
    case 'referenceList':
      return <ReferenceSelect {...props} kind={f.ref} multiple={f.kind === 'referenceList'} title={f.title} clearable={f.nullable || !f.required} />;
    case 'longText':
      return <Input.TextArea {...props} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={f.maxLength} showCount={f.maxLength !== undefined} />;
    case 'text':
      return <Input {...props} maxLength={f.maxLength} />;
    case 'boolean':
    case 'facts':
    case 'object':
    case 'objectList':
    case 'variant':
      return null;
  }
}

function ReferenceSelect({ kind, multiple, title, clearable, ...control }: { kind: ReferenceKind; multiple: boolean; title: string; clearable: boolean }) {
  const { options, error } = useReferences(kind);
  return (
    <Select
      {...control}
      mode={multiple ? 'multiple' : undefined}
      options={options}
      loading={options === undefined && !error}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={clearable}
      placeholder={error ?? `请选择${title}`}
      notFoundContent={options === undefined ? '正在加载……' : '没有可选的人员或事项'}
    />
  );
}

function ObjectField({ field: f, name, renderFacts }: { field: Extract<FieldSpec, { kind: 'object' }>; name: NamePath; renderFacts: SchemaFieldsProps['renderFacts'] }) {
  const body = <SchemaFields fields={f.fields} parent={name} renderFacts={renderFacts} />;
  if (!isToggleable(f)) {
    return (
      <Card size="small" title={f.title} style={{ marginBottom: 16 }}>
        {f.description && <div style={{ marginBottom: 12, color: 'rgba(0,0,0,0.55)' }}>{f.description}</div>}
        {body}
      </Card>
    );
  }
  return (
    <>
      <Form.Item name={toggleName(f)} label={`填写${f.title}`} extra={f.description} valuePropName="checked">
        <Switch checkedChildren="填写" unCheckedChildren="不填" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) =>
          form.getFieldValue(toggleName(f)) === true ? (
            <Card size="small" title={f.title} style={{ marginBottom: 16 }}>
              {body}
            </Card>
          ) : null
        }
      </Form.Item>
    </>
  );
}

function ListField({ field: f, name }: { field: Extract<FieldSpec, { kind: 'objectList' }>; name: NamePath }) {
  return (
    <Form.Item label={f.title} extra={f.description} required={(f.minItems ?? 0) > 0}>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <>
            {items.map((item, index) => (
              <Card
                key={item.key}
                size="small"
                title={`第 ${index + 1} 项`}
                style={{ marginBottom: 12 }}
                extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 项`} onClick={() => remove(item.name)} disabled={items.length <= (f.minItems ?? 0)} />}
              >
                <SchemaFields fields={f.fields} parent={[item.name]} />
              </Card>
            ))}
            {(f.maxItems === undefined || items.length < f.maxItems) && (
              <Button block icon={<PlusOutlined />} onClick={() => add({})}>
                添加一项
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
