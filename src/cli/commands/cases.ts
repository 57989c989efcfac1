import type { Command } from 'commander';
import { systemActor } from '../../domain/access.ts';
import { formatYuan } from '../../domain/cases/model.ts';

// Services load inside each action (a dynamic import); both commands only read, so neither migrates.
const runtime = () => import('../runtime.ts');

/** `fazhi cases …`: the staff view of enforcement cases (full party names), straight from the services. */
export function registerCases(program: Command): void {
  const cases = program.command('cases').description('行政处罚案件');
  cases
    .command('list')
    .description('列出案件（行政行为码、文号、状态、当事人、未到期期限）')
    .option('--json', '以 JSON 输出')
    .option('--state <state>', '只列出该状态的案件，如 investigating、enforcing')
    .option('--limit <n>', '最多列出多少件', (v) => Number(v), 500)
    .action(async (options: { json?: boolean; state?: string; limit: number }) => {
      const [{ withRuntime }, { listCases }] = await Promise.all([runtime(), import('../../services/cases/list-cases.ts')]);
      await withRuntime(async ({ ctx }) => {
        const rows = await listCases(ctx, systemActor, { state: options.state, limit: options.limit });
        if (options.json) {
          const out = rows.map((r) => ({
            id: r.id,
            code: r.actCode,
            number: r.decisionNumber,
            state: r.state,
            stateLabel: r.stateLabel,
            procedure: r.procedure,
            title: r.title,
            organization: r.organizationName,
            party: r.party,
            deadlines: r.deadlines,
          }));
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        if (!rows.length) {
          process.stdout.write('没有案件。\n');
          return;
        }
        for (const r of rows) {
          const next = r.deadlines[0];
          const due = next ? `  ${next.label}${next.overdue ? '已超期' : '期限'} ${next.dueOn}` : '';
          process.stdout.write(`${r.actCode}  ${r.stateLabel.padEnd(8, '　')}  ${r.party.name}  ${r.title}${r.decisionNumber ? `  ${r.decisionNumber}` : ''}${due}\n`);
        }
        process.stdout.write(`共 ${rows.length} 件。\n`);
      }, { readOnly: true });
    });
  cases
    .command('show <code>')
    .description('按行政行为码显示案件详情')
    .option('--json', '以 JSON 输出完整案件（CaseView 及全部办理记录 timeline）')
    .action(async (code: string, options: { json?: boolean }) => {
      const [{ withRuntime }, { findCaseIdByCode }, { getCase }, { readCaseTrail }] = await Promise.all([
        runtime(),
        import('../../services/cases/case-store.ts'),
        import('../../services/cases/get-case.ts'),
        import('../../services/cases/case-timeline.ts'),
      ]);
      await withRuntime(async ({ ctx }) => {
        const id = await findCaseIdByCode(ctx.db, systemActor, code);
        const view = await getCase(ctx, systemActor, id, ctx.clock());
        // The whole trail, oldest first: the view does not carry it (GET /api/cases/:id/timeline pages it).
        const timeline = await readCaseTrail(ctx, systemActor, id);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ...view, timeline }, null, 2)}\n`);
          return;
        }
        const lines = [
          `${view.title}（${view.procedureLabel}）`,
          `行政行为码：${view.actCode}`,
          `办案单位：${view.organization.name}`,
          `状态：${view.stateLabel}`,
          `当事人：${view.party.name}（${view.party.kind === 'person' ? `身份证号 ${view.party.idNumber}` : `统一社会信用代码 ${view.party.creditCode}`}）`,
          `违法行为：${view.violation ? `${view.violation.name}（违则：${view.violation.violatedProvision}；罚则：${view.violation.penaltyProvision}）` : '未确定'}`,
          `违法地点：${view.place}`,
          `承办人员：${view.officers.map((o) => `${o.displayName}（执法证 ${o.certificateNo ?? '无'}）`).join('、') || '未指定'}`,
        ];
        if (view.decision) {
          const penalty = view.record.decision?.penalty;
          lines.push(`决定：${view.decision.kindLabel} ${view.decision.number ?? ''}（${view.decision.decidedOn}，${view.decision.statusLabel}）${penalty ? `：${penalty.description}` : ''}`);
        }
        if (view.payment) lines.push(`罚款：${formatYuan(view.payment.fineFen)}，已缴 ${formatYuan(view.payment.paidFen)}，加处罚款 ${formatYuan(view.payment.lateFeeFen)}，尚欠 ${formatYuan(view.payment.owedFen)}`);
        for (const d of view.deadlines) lines.push(`期限：${d.label} ${d.dueOn}${d.metAt ? '（已完成）' : d.overdue ? '（已超期）' : ''}  ${d.article}`);
        for (const w of view.warnings) lines.push(`提示：${w}`);
        lines.push('办理记录：');
        for (const t of timeline) lines.push(`  ${t.at.slice(0, 10)}  ${t.label}（${t.actorName ?? '—'}）`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }, { readOnly: true });
    });
}
