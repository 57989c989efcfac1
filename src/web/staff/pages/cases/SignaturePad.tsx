import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { errorMessage } from '../../../shared/api.ts';
import { postJsonWithProgress } from '../../../shared/upload.ts';

/**
 * The party signs on the screen (finger, stylus or mouse: pointer events) for a 送达回证 or a 笔录; the drawing is sent
 * as a PNG and stored under its SM3 digest (POST /api/cases/:id/party-signatures). Sent only after the officer
 * confirms — a signature is never replaced.
 */
export function SignaturePad({ caseId, version, target, title, onClose, onDone }: { caseId: number; version: number; target: string; title: string; onClose: () => void; onDone: () => void }) {
  const isPhone = useIsPhone();
  const { modal, message } = App.useApp();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [strokes, setStrokes] = useState(0);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // Drawn at the device's pixel density, so the stored image is sharp on a phone.
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const g = c.getContext('2d')!;
    g.scale(ratio, ratio);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.clientWidth, c.clientHeight);
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#000';
  }, []);

  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const g = e.currentTarget.getContext('2d')!;
    const [x, y] = at(e);
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x + 0.1, y + 0.1);
    g.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    e.preventDefault();
    const g = e.currentTarget.getContext('2d')!;
    const [x, y] = at(e);
    g.lineTo(x, y);
    g.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setStrokes((n) => n + 1);
  };
  const clear = () => {
    const c = canvas.current!;
    const g = c.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.clientWidth, c.clientHeight);
    setStrokes(0);
  };

  const save = async () => {
    if (!(await modal.confirm({ title: '确认保存当事人签名？', content: `签名将附于${title}，计算 SM3 摘要存证，保存后不能替换。`, okText: '确认保存', cancelText: '返回' }))) return;
    setSending(true);
    setError(undefined);
    try {
      const url = canvas.current!.toDataURL('image/png');
      await postJsonWithProgress(`/cases/${caseId}/party-signatures`, { expectedVersion: version, target, pngBase64: url.slice(url.indexOf(',') + 1) });
      message.success('当事人签名已保存');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={`当事人签名：${title}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={isPhone ? '100%' : 640}
      style={isPhone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      data-testid="signature-dialog"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        请当事人核对后在下方框内签名（手指、触控笔或鼠标）。当事人拒绝签名的，应在笔录或送达回证上注明，不在此签名。
      </Typography.Paragraph>
      <canvas
        ref={canvas}
        data-testid="signature-canvas"
        aria-label="签名区"
        style={{ width: '100%', height: isPhone ? 220 : 240, border: '1px solid #d9d9d9', borderRadius: 6, touchAction: 'none', background: '#fff', display: 'block' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
      />
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} data-testid="signature-error" />}
      <Space style={{ marginTop: 12 }}>
        <Button onClick={clear} disabled={strokes === 0 || sending}>
          重写
        </Button>
        <Button type="primary" data-testid="signature-save" loading={sending} disabled={strokes === 0} onClick={() => void save()}>
          保存签名
        </Button>
      </Space>
    </Modal>
  );
}
