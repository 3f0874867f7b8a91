import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { allianceNotDissolved } from '@ronghe/alliance/read';
import { auditIfChanged, auditInsert, inList, newId, shanghaiDate, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { projectMilestones, projects } from '@ronghe/schema';
import { loadAllianceRefs, type AllianceRef } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { OPEN_PROJECT } from './state-machine.ts';
import { computeWarning, type Warning } from './warnings.ts';

// 督办: the daily job (Cron Trigger, or the county administrator by hand)
// recomputes every open project's warning and escalates newly red ones once,
// to the alliance's lead organization and the approving committee. A project
// turning red or escalated gets its own audit row (`project.warning`), whose
// event reaches the people concerned; the run itself is audited once.

/** Projects read per round trip; statements per D1 batch (each binds well under 100 parameters). */
const PAGE = 500;
const BATCH = 200;

export interface SupervisionResult {
  checked: number;
  red: number;
  yellow: number;
  escalated: number;
  onDate: string;
}

function escalationBody(title: string, w: Warning): string {
  const late = w.late!;
  const what = late.what === '项目' ? `已超过完成期限（${late.dueOn}）${late.days} 天` : `${late.what}已超过计划日期（${late.dueOn}）${late.days} 天`;
  return `项目“${title}”${what}仍未完成，现提请联合体牵头党组织和批准联合体的上级党(工)委督办，请承办单位说明情况并限期整改。`;
}

/**
 * A thread row written only when the project's UPDATE took effect (same batch):
 * right after the UPDATE, or, when the project's audit row sits in between,
 * when that row was written.
 */
function conditionalNote(ctx: Ctx, n: { projectId: string; kind: 'escalation' | 'warning'; body: string; notified: string[]; onDate: string; afterAudit?: string }) {
  const at = ctx.clock.now();
  const when = n.afterAudit ? sql`EXISTS (SELECT 1 FROM audit_log WHERE id = ${n.afterAudit})` : sql`changes() = 1`;
  return sql`INSERT INTO project_notes (id, project_id, kind, body, author_id, author_name, author_org_id, reply_to_id, notified, on_date, created_at)
    SELECT ${newId('pnt', at)}, ${n.projectId}, ${n.kind}, ${n.body}, NULL, '督办系统', NULL, NULL, ${JSON.stringify(n.notified)}, ${n.onDate}, ${at}
    WHERE ${when}`;
}

/**
 * Recomputes warning, reason and dates of every open project of the tenant
 * (and clears those of finished ones), escalating each newly red project
 * once. Writes only what changed, so a second run on the same day changes
 * nothing but its own audit row. A project edited while the job runs keeps
 * its writer's values (the UPDATE matches the version read).
 */
export async function runSupervision(ctx: Ctx): Promise<SupervisionResult> {
  const t = today(ctx);
  const result: SupervisionResult = { checked: 0, red: 0, yellow: 0, escalated: 0, onDate: t };
  const refs = new Map<string, AllianceRef>();
  let pending: Statement[] = [];
  const flush = async () => {
    if (pending.length) await writeBatch(ctx.db, pending);
    pending = [];
  };
  let after = '';
  for (;;) {
    const rows = await ctx.db
      .select({
        id: projects.id,
        allianceId: projects.allianceId,
        title: projects.title,
        status: projects.status,
        dueOn: projects.dueOn,
        startOn: projects.startOn,
        startedOn: projects.startedOn,
        createdAt: projects.createdAt,
        progressBp: projects.progressBp,
        warning: projects.warning,
        warningReason: projects.warningReason,
        warningOn: projects.warningOn,
        escalatedOn: projects.escalatedOn,
        version: projects.version,
      })
      .from(projects)
      // A dissolved alliance's projects are not supervised (nobody to escalate to; ADR 0016).
      .where(and(gt(projects.id, after), sql`(${projects.status} IN ('proposed', 'claimed', 'in_progress') OR ${projects.warning} != 'none')`, allianceNotDissolved(projects.allianceId)))
      .orderBy(asc(projects.id))
      .limit(PAGE);
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    const ids = rows.map((r) => r.id);
    const ms = await ctx.db
      .select({ projectId: projectMilestones.projectId, title: projectMilestones.title, dueOn: projectMilestones.dueOn, progressPct: projectMilestones.progressPct })
      .from(projectMilestones)
      .where(and(inList(projectMilestones.projectId, ids), sql`${projectMilestones.progressPct} < 100`, sql`${projectMilestones.dueOn} IS NOT NULL`))
      .orderBy(asc(projectMilestones.sortOrder));
    const byProject = new Map<string, typeof ms>();
    for (const m of ms) byProject.set(m.projectId, [...(byProject.get(m.projectId) ?? []), m]);
    const missing = [...new Set(rows.map((r) => r.allianceId))].filter((id) => !refs.has(id));
    for (const [id, ref] of await loadAllianceRefs(ctx, missing)) refs.set(id, ref);

    for (const p of rows) {
      const w = computeWarning({ status: p.status, dueOn: p.dueOn, startOn: p.startedOn ?? p.startOn ?? shanghaiDate(p.createdAt), progressBp: p.progressBp, milestones: byProject.get(p.id) ?? [] }, t);
      if (OPEN_PROJECT.includes(p.status)) {
        result.checked++;
        if (w.level === 'red') result.red++;
        if (w.level === 'yellow') result.yellow++;
      }
      const escalate = w.level === 'red' && !p.escalatedOn;
      const escalatedOn = w.level === 'red' ? (p.escalatedOn ?? t) : null;
      const warningOn = w.level === p.warning ? p.warningOn : t;
      if (w.level === p.warning && w.reason === p.warningReason && escalatedOn === p.escalatedOn && warningOn === p.warningOn) continue;
      if (pending.length >= BATCH) await flush();
      pending.push(
        ctx.db
          .update(projects)
          .set({ warning: w.level, warningReason: w.reason, warningOn, escalatedOn })
          .where(and(eq(projects.id, p.id), eq(projects.version, p.version))),
      );
      const a = refs.get(p.allianceId);
      // Turning red, or being escalated, is the project's own audited change: its
      // event tells the alliance, the county and the committee (the 工作台's 消息).
      let audited: string | undefined;
      if (escalate || (w.level === 'red' && p.warning !== 'red')) {
        audited = newId('aud', ctx.clock.now());
        pending.push(auditIfChanged(ctx, { id: audited, action: 'project.warning', entityType: 'project', entityId: p.id, before: { warning: p.warning }, after: { from: p.warning, to: w.level, escalated: escalate } }));
      }
      if (escalate) {
        result.escalated++;
        pending.push(conditionalNote(ctx, { projectId: p.id, kind: 'escalation', body: escalationBody(p.title, w), notified: a ? [a.leadOrgId, a.committeeOrgId] : [], onDate: t, afterAudit: audited }));
      } else if (w.level === 'yellow' && p.warning !== 'yellow') {
        pending.push(conditionalNote(ctx, { projectId: p.id, kind: 'warning', body: `预警：${w.reason}`, notified: a ? [a.leadOrgId] : [], onDate: t }));
      }
    }
    if (rows.length < PAGE) break;
  }
  pending.push(auditInsert(ctx, { action: 'supervision.run', entityType: 'tenant', entityId: ctx.tenant.slug, after: result }));
  await flush();
  return result;
}
