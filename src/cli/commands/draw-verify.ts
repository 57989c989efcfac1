/**
 * The check behind `fazhi draw verify`: the file is the portal's answer (`{ …, proof }`) or the proof alone; the proof
 * is re-run with the domain's `verifyProof` (domain/inspections/plan.ts, algorithm `fazhi-draw-v1`), nothing else is
 * trusted — no database, no network.
 */
import { drawProofView } from '../../domain/inspections/plan-views.ts';
import { type DrawProof, verifyProof } from '../../domain/inspections/plan.ts';

export function verifyDrawFile(file: string, text: string | Error): { ok: boolean; lines: string[] } {
  if (text instanceof Error) return { ok: false, lines: [`错误：${text.message}`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, lines: [`错误：${file} 不是有效的 JSON 文件`] };
  }
  const candidate = json !== null && typeof json === 'object' && 'proof' in json ? (json as { proof: unknown }).proof : json;
  if (candidate === null) return { ok: false, lines: ['错误：该抽查尚未抽取，文件中没有抽取证明（只有已公布的种子）'] };
  const parsed = drawProofView.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '（文件）'}：${i.message}`);
    return { ok: false, lines: ['错误：文件不是抽取证明（缺少或无效的字段）', ...issues] };
  }
  const proof = parsed.data as DrawProof;
  let problems: string[];
  try {
    problems = verifyProof(proof);
  } catch (error) {
    problems = [(error as Error).message];
  }
  const subjects = proof.items.reduce((n, item) => n + item.drawn.length, 0);
  const head = `抽查计划 ${proof.planId}，算法 ${proof.algorithm}，种子 ${proof.seed}（公布于 ${proof.seedPublishedAt}，抽取于 ${proof.drawnAt}）`;
  if (problems.length === 0) {
    return {
      ok: true,
      lines: [head, ...proof.items.map((i) => `事项 ${i.itemCode}：名录 ${i.pool.length} 个，摘要 ${i.poolDigest}，抽中 ${i.drawn.join('、') || '无'}`), `核验通过：重新抽取的 ${proof.items.length} 个事项、${subjects} 个检查对象及其执法人员与公布的结果一致`],
    };
  }
  return { ok: false, lines: [head, '核验未通过：', ...problems.map((p) => `  - ${p}`)] };
}
