import { Alert, Button, Card, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { serviceMethodLabels } from '../../../../domain/cases/corrections.ts';
import { signableTargets } from '../../../../domain/cases/party-signatures.ts';
import { useMe } from '../../auth.tsx';
import { SignaturePad } from './SignaturePad.tsx';
import { useOptionalCaseContext } from './case-context.tsx';
import { CorrectionDialog, type CorrectionTargetView } from './CorrectionDialog.tsx';
import { formatDateTime } from './format.tsx';
import type { CaseTimelineEntry, CaseTimelinePage, CaseView } from './types.ts';

interface Correction {
  label: string;
  field: string;
  from: string;
  to: string;
}

const valueText = (field: string, v: string) => (field === 'serviceMethod' ? (serviceMethodLabels[v as keyof typeof serviceMethodLabels] ?? v) : v || '（未记录）');

/** A page of the trail as the server sends it (newest first), and how many to ask for at a time. */
const PAGE_SIZE = 50;
/** The print view asks for the whole trail, in the largest pages the server gives. */
const PRINT_PAGE_SIZE = 200;

const pageOf = (caseId: number, limit: number, before: number | null, signal?: AbortSignal) =>
  api.get<CaseTimelinePage>(`/cases/${caseId}/timeline`, { limit, ...(before === null ? {} : { before }) }, signal);

/** The step a timeline entry recorded (null for records that are not steps: evidence, urges, documents …). */
const stepOf = (t: CaseTimelineEntry): string | null => (t.action === 'case.transition' ? ((t.change as { action?: string } | null)?.action ?? null) : null);

/**
 * The case's trail (GET /api/cases/:id/timeline, newest first, paged): the newest page, loaded again whenever the
 * case view is (after a step, an urge, a correction — `view` is a new object then); older pages on demand. With
 * `all`, every page (the print view prints the whole trail).
 */
function useTrail(view: CaseView, all: boolean) {
  const remote = useRemote(async (signal) => {
    const first = await pageOf(view.id, all ? PRINT_PAGE_SIZE : PAGE_SIZE, null, signal);
    let { items, nextCursor } = first;
    while (all && nextCursor !== null) {
      const page = await pageOf(view.id, PRINT_PAGE_SIZE, nextCursor, signal);
      items = [...items, ...page.items];
      nextCursor = page.nextCursor;
    }
    return { items, nextCursor, total: first.total };
  }, [view]);
  // Older pages loaded by 加载更早记录, for the newest page they continue; forgotten when that page is loaded again.
  const [older, setOlder] = useState<{ after: CaseTimelinePage | undefined; items: CaseTimelineEntry[]; nextCursor: number | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const newest = remote.data;
  const mine = older && older.after === newest ? older : null;
  const nextCursor = mine ? mine.nextCursor : (newest?.nextCursor ?? null);
  const loadOlder = () => {
    if (nextCursor === null || !newest) return;
    setLoadingOlder(true);
    setOlderError(null);
    pageOf(view.id, PAGE_SIZE, nextCursor).then(
      (page) => {
        setOlder({ after: newest, items: [...(mine?.items ?? []), ...page.items], nextCursor: page.nextCursor });
        setLoadingOlder(false);
      },
      (e: unknown) => {
        setOlderError(errorMessage(e));
        setLoadingOlder(false);
      },
    );
  };
  // Shown as a case file reads: oldest first, the newest last.
  const entries = [...(newest?.items ?? []), ...(mine?.items ?? [])].reverse();
  return { remote, entries, total: newest?.total ?? 0, hasOlder: nextCursor !== null, loadOlder, loadingOlder, olderError };
}

/**
 * Every step of the case from its audit chain: what, who, when (newest last, as a case file reads; older records on
 * demand); 更正 and the party's signature on the entry of the record item they concern — tied by the step and its
 * `occurrence` (the n-th entry of a step is the n-th item that step recorded, view.corrections and signableTargets).
 */
export function TimelineCard({ view, all = false }: { view: CaseView; all?: boolean }) {
  // 更正 and the party's signature are offered on the case page only (not on the review desk or the print view).
  const context = useOptionalCaseContext();
  const reload = () => context?.reload();
  const me = useMe();
  const [open, setOpen] = useState<CorrectionTargetView | null>(null);
  const [signing, setSigning] = useState<{ target: string; title: string } | null>(null);
  const trail = useTrail(view, all);
  const mayCorrect = !!context && view.availableActions.some((a) => a.action === 'correctRecord');
  const signable = context ? signableTargets(view.record) : [];
  const signatures = view.record.partySignatures ?? [];
  // The party signs on an officer's screen: an officer of the case holds it (the server checks it again).
  const mayHoldScreen = view.officers.some((o) => o.userId === me.userId && !o.recused);
  if (trail.remote.data === undefined) {
    return (
      <Card size="small" title="办理记录" data-testid="case-timeline">
        <RemoteView remote={trail.remote} rows={4}>
          {() => null}
        </RemoteView>
      </Card>
    );
  }
  return (
    <Card size="small" title={`办理记录（${trail.total}）`} data-testid="case-timeline">
      {trail.hasOlder && (
        <div className="no-print" style={{ marginBottom: 12 }}>
          <Button size="small" loading={trail.loadingOlder} onClick={trail.loadOlder} data-testid="timeline-load-older">
            加载更早记录
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            已显示最近 {trail.entries.length} 条
          </Typography.Text>
          {trail.olderError && <Alert type="error" showIcon title={trail.olderError} style={{ marginTop: 8 }} />}
        </div>
      )}
      <Timeline
        items={trail.entries.map((t) => {
          const change = t.change as { action?: string; correction?: Correction; reason?: string } | null;
          const correction = change?.action === 'correctRecord' ? change.correction : undefined;
          const step = stepOf(t);
          const target = mayCorrect && step !== null ? view.corrections.find((c) => c.step === step && c.occurrence === t.occurrence) : undefined;
          const sign = step !== null ? signable.find((x) => x.step === step && x.occurrence === t.occurrence) : undefined;
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
