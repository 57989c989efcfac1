import { Button, Card, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { serviceMethodLabels } from '../../../../domain/cases/corrections.ts';
import { signableTargets } from '../../../../domain/cases/party-signatures.ts';
import { useMe } from '../../auth.tsx';
import { SignaturePad } from './SignaturePad.tsx';
import { useOptionalCaseContext } from './case-context.tsx';
import { CorrectionDialog, type CorrectionTargetView } from './CorrectionDialog.tsx';
import { formatDateTime } from './format.tsx';
import type { CaseView } from './types.ts';

interface Correction {
  label: string;
  field: string;
  from: string;
  to: string;
}

const valueText = (field: string, v: string) => (field === 'serviceMethod' ? (serviceMethodLabels[v as keyof typeof serviceMethodLabels] ?? v) : v || '（未记录）');

/**
 * The record item each timeline entry recorded that may be corrected (view.corrections: the n-th entry of a step is
 * the n-th item that step recorded), when the user may take the step `correctRecord` now.
 */
/** The n-th timeline entry of each step, by seq: how record items (n-th item of that step) find their entry. */
function entryOccurrences(view: CaseView): Map<number, { step: string; occurrence: number }> {
  const found = new Map<number, { step: string; occurrence: number }>();
  const seen = new Map<string, number>();
  for (const t of view.timeline) {
    const step = t.action === 'case.transition' ? (t.change as { action?: string } | null)?.action : undefined;
    if (!step) continue;
    const occurrence = seen.get(step) ?? 0;
    seen.set(step, occurrence + 1);
    found.set(t.seq, { step, occurrence });
  }
  return found;
}

function targetsByEntry(view: CaseView): Map<number, CorrectionTargetView> {
  const found = new Map<number, CorrectionTargetView>();
  if (!view.availableActions.some((a) => a.action === 'correctRecord')) return found;
  const seen = new Map<string, number>();
  for (const t of view.timeline) {
    const step = t.action === 'case.transition' ? (t.change as { action?: string } | null)?.action : undefined;
    if (!step) continue;
    const occurrence = seen.get(step) ?? 0;
    seen.set(step, occurrence + 1);
    const target = view.corrections.find((c) => c.step === step && c.occurrence === occurrence);
    if (target) found.set(t.seq, target);
  }
  return found;
}

/** Every step of the case from its audit chain: what, who, when (newest last, as a case file reads); 更正 where allowed. */
export function TimelineCard({ view }: { view: CaseView }) {
  // 更正 and the party's signature are offered on the case page only (not on the review desk or the print view).
  const context = useOptionalCaseContext();
  const reload = () => context?.reload();
  const me = useMe();
  const [open, setOpen] = useState<CorrectionTargetView | null>(null);
  const [signing, setSigning] = useState<{ target: string; title: string } | null>(null);
  const targets = context ? targetsByEntry(view) : new Map<number, CorrectionTargetView>();
  const occurrences = entryOccurrences(view);
  const signable = context ? signableTargets(view.record) : [];
  const signatures = view.record.partySignatures ?? [];
  // The party signs on an officer's screen: an officer of the case holds it (the server checks it again).
  const mayHoldScreen = view.officers.some((o) => o.userId === me.userId && !o.recused);
  return (
    <Card size="small" title={`办理记录（${view.timeline.length}）`} data-testid="case-timeline">
      <Timeline
        items={view.timeline.map((t) => {
          const change = t.change as { action?: string; correction?: Correction; reason?: string } | null;
          const correction = change?.action === 'correctRecord' ? change.correction : undefined;
          const target = targets.get(t.seq);
          const at = occurrences.get(t.seq);
          const sign = at ? signable.find((x) => x.step === at.step && x.occurrence === at.occurrence) : undefined;
          const signed = sign ? signatures.find((x) => x.target === sign.target) : undefined;
          return {
            key: t.seq,
            color: t.action === 'case.evidence' ? 'green' : correction ? 'orange' : 'blue',
            content: (
              <div data-testid={`timeline-entry-${t.seq}`}>
                <Typography.Text strong>{t.label}</Typography.Text>
                {target && (
                  <Button size="small" type="link" data-testid={`correct-entry-${t.seq}`} onClick={() => setOpen(target)}>
                    更正
                  </Button>
                )}
                {sign && !signed && mayHoldScreen && (
                  <Button size="small" type="link" data-testid={`sign-entry-${t.seq}`} onClick={() => setSigning(sign)}>
                    当事人签名
                  </Button>
                )}
                {signed && (
                  <div data-testid="timeline-signature">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      当事人签名（{signed.title}，SM3 {signed.digest.slice(0, 12)}…）
                    </Typography.Text>
                    <div>
                      <img src={`/api/cases/${view.id}/party-signatures/${signed.target}/image`} alt={`当事人签名：${signed.title}`} style={{ maxWidth: 200, maxHeight: 70, border: '1px solid #f0f0f0' }} />
                    </div>
                  </div>
                )}
                {correction && (
                  <div data-testid="timeline-correction">
                    <Typography.Text>
                      {correction.label}：{valueText(correction.field, correction.from)} → {valueText(correction.field, correction.to)}
                    </Typography.Text>
                    {change?.reason && <div><Typography.Text type="secondary">理由：{change.reason}</Typography.Text></div>}
                  </div>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {t.actorName ?? '未知用户'} · {formatDateTime(t.at)}
                  </Typography.Text>
                </div>
              </div>
            ),
          };
        })}
      />
      {signing && (
        <SignaturePad
          caseId={view.id}
          version={view.version}
          target={signing.target}
          title={signing.title}
          onClose={() => setSigning(null)}
          onDone={() => {
            setSigning(null);
            reload();
          }}
        />
      )}
      {open && (
        <CorrectionDialog
          view={view}
          target={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </Card>
  );
}
