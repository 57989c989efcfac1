import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Progress, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type EvidenceKind, evidenceKindKeys, evidenceKinds, type InvestigationAct, investigationActKeys, investigationActs } from '../../../../domain/cases/model.ts';
import { chinaToday, certificateState } from '../../../shared/dates.ts';
import { showServerErrors } from '../../../shared/forms.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import type { CaseView, EvidenceView } from './types.ts';
import { evidenceMediaTypes, evidenceSizeLimit, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_VIDEO_BYTES, sizeLimitText } from '../../../../domain/cases/evidence-files.ts';
import { upload } from '../../../shared/upload.ts';
import { canWatermark, watermarkedCopy, watermarkLines } from './watermark.ts';

const VIDEO_EXTENSIONS = Object.entries(evidenceMediaTypes).filter(([type]) => type.startsWith('video/')).flatMap(([, kind]) => kind.extensions);

/** A video (by its type, or its extension when the phone gives none) may be up to 2 GB; every other file 8 MB. */
export function evidenceLimitOf(file: { type?: string | undefined; name: string }): number {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  return evidenceSizeLimit(file.type?.startsWith('video/') || VIDEO_EXTENSIONS.includes(extension) ? 'video/mp4' : file.type ?? '');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** Photos taken at one spot are registered together, each its own item (its own file, digest and number). */
const MAX_FILES = 10;
export const EVIDENCE_ACCEPT = 'image/*,video/*,audio/*,application/pdf';

interface EvidenceForm {
  file: UploadFile[];
  title: string;
  kind: EvidenceKind;
  act: InvestigationAct;
  collectorIds: number[];
  place: string;
  recordedOn: Dayjs;
  note?: string;
  /** Register a 水印副本 (time, place, officers) of each photo besides the unchanged original. */
  watermark?: boolean;
}
const formFields = ['title', 'kind', 'act', 'collectorIds', 'place', 'recordedOn', 'note', 'fileName', 'mediaType'];

const kindFor = (type: string): EvidenceKind => (type === 'application/pdf' ? 'documentary' : 'audioVisual');

/**
 * 登记证据 from a phone in the street: the camera opens straight from the file field (`capture`), the file is
 * read, sent and stored under its SM3 digest; two certified officers of the case collect it (《行政处罚法》第四十二条).
 */
export function EvidenceUpload({ view, onDone }: { view: CaseView; onDone: (item: EvidenceView) => void }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceForm>();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<{ phase: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = chinaToday();
  const collectors = view.officers.filter((o) => !o.recused);
  const valid = collectors.filter((o) => certificateState(o.certificateValidUntil, today) !== 'expired' && o.certificateNo);

  const submit = async (values: EvidenceForm) => {
    const files = values.file.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => f !== undefined);
    if (files.length === 0) return;
    setError(null);
    // Each item moves the case's version: the next one is sent with the version the previous answer gave.
    let version = view.version;
    const done: EvidenceView[] = [];
    // Files whose original is registered (a 水印副本 is an extra item, not an extra file).
    let filesDone = 0;
    /**
     * One item through the streaming endpoint (POST /api/cases/:id/evidence/stream): the text fields first, the file
     * last; the server writes it to the file store while computing its SM3 digest, so a body-camera video of up to
     * 2 GB goes up with its progress and is never read into memory here.
     */
    const send = (file: Blob, name: string, fields: Record<string, string>, phase: string) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      if (file.type) form.append('mediaType', file.type);
      form.append('file', file, name);
      setProgress({ phase, percent: 0 });
      return upload<EvidenceView & { version: number }>(`/cases/${view.id}/evidence/stream`, form, (p) =>
        setProgress({ phase: p < 100 ? `${phase}（${megabytes((file.size * p) / 100)} / ${megabytes(file.size)}）` : phase.replace(/正在上传.*$/, '正在存证（SM3 摘要已随上传计算）'), percent: p }),
      );
    };
    try {
      for (const [i, file] of files.entries()) {
        const of = files.length > 1 ? `第 ${i + 1}/${files.length} 个：` : '';
        const fields = {
          expectedVersion: String(version),
          kind: files.length > 1 ? kindFor(file.type) : values.kind,
          act: values.act,
          title: files.length > 1 ? `${values.title}（${i + 1}/${files.length}）` : values.title,
          collectorIds: values.collectorIds.join(','),
          recordedOn: values.recordedOn.format('YYYY-MM-DD'),
          place: values.place,
          note: values.note?.trim() ?? '',
        };
        const item = await send(file, file.name, fields, `${of}正在上传`);
        version = item.version;
        done.push(item);
        filesDone += 1;
        if (values.watermark && canWatermark(file.type)) {
          // The copy comes after its original, as an item of its own naming the original's number and digest.
          setProgress({ phase: `${of}正在生成水印副本`, percent: 0 });
          const officers = collectors.filter((o) => values.collectorIds.includes(o.userId)).map((o) => o.displayName);
          const copy = await watermarkedCopy(file, watermarkLines({ takenAt: new Date(file.lastModified || Date.now()), place: values.place, officers }));
          const copyFields = {
            ...fields,
            expectedVersion: String(version),
            kind: 'audioVisual',
            title: `${fields.title}（水印副本）`.slice(0, 200),
            note: `${fields.note}（第 ${item.seq} 项证据的水印副本，原始文件 SM3 摘要 ${item.digest.slice(0, 16)}…，以原始文件为准）`.slice(0, 1000),
          };
          const marked = await send(new Blob([copy], { type: 'image/jpeg' }), `${file.name.replace(/\.[^.]+$/, '')}-水印副本.jpg`, copyFields, `${of}正在上传水印副本`);
          version = marked.version;
          done.push(marked);
        }
      }
      message.success(done.length > 1 ? `已登记 ${done.length} 项证据，每项单独计算 SM3 摘要` : `证据已登记，SM3 摘要 ${done[0]!.digest.slice(0, 16)}…`);
      setOpen(false);
      form.resetFields();
      onDone(done.at(-1)!);
    } catch (e) {
      const reason = showServerErrors(form, e, formFields);
      if (done.length > 0) {
        // What was registered stays registered: those files leave the list, so sending again does not repeat them.
        form.setFieldValue('file', values.file.slice(filesDone));
        setError(`已登记 ${done.length} 项（前 ${filesDone} 个文件）；其后未能登记：${reason}`);
        onDone(done.at(-1)!);
      } else setError(reason);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <Button type="primary" icon={<CameraOutlined />} onClick={() => setOpen(true)}>
        登记证据
      </Button>
      <Modal
        open={open}
        title="登记证据"
        okText="上传并登记"
        cancelText="取消"
        width={isPhone ? '100%' : 560}
        style={isPhone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
        confirmLoading={progress !== null}
        onOk={() => form.submit()}
        onCancel={() => progress === null && setOpen(false)}
        destroyOnHidden
      >
        <Form<EvidenceForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'audioVisual', act: 'inspection', collectorIds: valid.map((o) => o.userId), place: view.place, recordedOn: dayjs(today), file: [], watermark: false }}
          onFinish={(v) => void submit(v)}
          onValuesChange={() => setError(null)}
        >
          <Form.Item
            name="file"
            label="证据文件"
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-MAX_FILES)}
            extra={`可直接拍照、录像、录音，或选择 PDF、执法记录仪视频；可一次选择多个文件（最多 ${MAX_FILES} 个，每个单独登记为一项证据）。视频每个不超过 ${sizeLimitText(MAX_EVIDENCE_VIDEO_BYTES)}，其他文件每个不超过 ${sizeLimitText(MAX_EVIDENCE_BYTES)}；上传时显示进度。`}
            rules={[
              { required: true, message: '请选择或拍摄证据文件' },
              {
                validator: async (_, list: UploadFile[]) => {
                  const big = (list ?? []).find((f) => (f.size ?? 0) > evidenceLimitOf(f));
                  if (big) throw new Error(`“${big.name}”超过 ${sizeLimitText(evidenceLimitOf(big))}：视频每个不超过 ${sizeLimitText(MAX_EVIDENCE_VIDEO_BYTES)}，其他证据文件每个不超过 ${sizeLimitText(MAX_EVIDENCE_BYTES)}`);
                },
              },
            ]}
          >
            <Upload
              accept={EVIDENCE_ACCEPT}
              capture="environment"
              multiple
              listType="picture"
              maxCount={MAX_FILES}
              beforeUpload={(file) => {
                form.setFieldsValue({ kind: kindFor(file.type), ...(form.getFieldValue('title') ? {} : { title: file.name.replace(/\.[^.]+$/, '') }) });
                return false;
              }}
            >
              <Button icon={<CameraOutlined />}>拍摄或选择文件（可多选）</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="watermark" valuePropName="checked" extra="原始照片原样登记并计算 SM3 摘要；另生成一份加注拍摄时间、地点和执法人员的水印副本，单独登记为一项证据。">
            <Checkbox>照片同时登记水印副本</Checkbox>
          </Form.Item>
          <Form.Item name="title" label="证据名称" extra="多个文件时各项名称后加序号，如“现场照片（1/3）”。" rules={[{ required: true, min: 2, message: '证据名称至少 2 个字' }]}>
            <Input maxLength={200} placeholder="如：现场照片（北侧人行道）" />
          </Form.Item>
          <Form.Item name="kind" label="证据种类（《行政处罚法》第四十六条）" rules={[{ required: true, message: '请选择证据种类' }]}>
            <Select options={evidenceKindKeys.map((k) => ({ value: k, label: evidenceKinds[k] }))} />
          </Form.Item>
          <Form.Item name="act" label="取证行为" rules={[{ required: true, message: '请选择取证行为' }]}>
            <Select options={investigationActKeys.map((k) => ({ value: k, label: investigationActs[k] }))} />
          </Form.Item>
          <Form.Item
            name="collectorIds"
            label="取证人员"
            extra="取证须至少两名持有效执法证的承办人员（《行政处罚法》第四十二条）。"
            rules={[{ type: 'array', min: 2, message: '取证须至少两名执法人员（《行政处罚法》第四十二条）' }]}
          >
            <Checkbox.Group options={collectors.map((o) => ({ value: o.userId, label: `${o.displayName}${o.certificateNo ? `（${o.certificateNo}）` : ''}` }))} />
          </Form.Item>
          <Form.Item name="place" label="取证地点" rules={[{ required: true, min: 2, message: '取证地点至少 2 个字' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="recordedOn" label="取证日期" rules={[{ required: true, message: '请选择取证日期' }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
          {/* 证明对象: what the item proves. The evidence list of every decision prints it (《行政处罚法》第五十九条第一款第（二）项),
              and the decision document refuses evidence without it, so it is asked for here, when it is known. */}
          <Form.Item name="note" label="证明对象" rules={[{ required: true, min: 2, whitespace: true, message: '请写明该证据证明的事实（至少 2 个字）' }]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Form>
        {progress && (
          <div data-testid="evidence-progress" style={{ overflowWrap: 'anywhere' }}>
            <div>{progress.phase}</div>
            <Progress percent={progress.percent} status="active" />
          </div>
        )}
        {error && <Alert type="error" showIcon title="未能登记证据" description={error} />}
      </Modal>
    </>
  );
}
