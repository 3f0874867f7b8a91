import { and, asc, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { allianceNotDissolved } from '@ronghe/alliance/read';
import { inList, shanghaiDate, type Ctx } from '@ronghe/core';
import { needs, projectClaims, projectNotes, projects, type TodoItemView } from '@ronghe/schema';

// 工作台 待办 of the three lists (issue 9 §3), derived from the current state
// of the lists' own tables. Which alliances an actor runs or belongs to comes
// in as ids (the alliance capability's answer, composed by @ronghe/workbench).

/** At most this many objects are listed per to-do; the count is always the full one. */
const SAMPLE = 10;
const FINAL: Array<'accepted' | 'cancelled'> = ['accepted', 'cancelled'];

const base = (ctx: Ctx) => `/t/${ctx.tenant.slug}`;
const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

function todo(kind: string, role: string, title: string, link: string, total: number, items: TodoItemView['items']): TodoItemView {
  return { kind, role, title, count: total, link, items };
}

/** A need still waiting: open or partly met, with quantity nobody has committed yet. */
const waiting = sql`${needs.status} IN ('open', 'partly_met') AND ${needs.quantity} > ${needs.committedQty} + ${needs.inDeliveryQty} + ${needs.fulfilledQty}`;
const overdueNeed = (ctx: Ctx) => sql`${needs.deadline} < ${today(ctx)} AND ${needs.status} IN ('open', 'partly_met')`;

/** The county organization department: projects in red warning, and needs past their deadline. */
export async function countyListTodos(ctx: Ctx): Promise<TodoItemView[]> {
  // A dissolved alliance's work waits for nobody (ADR 0016).
  const red = and(eq(projects.warning, 'red'), notInArray(projects.status, FINAL), allianceNotDissolved(projects.allianceId));
  const late = and(overdueNeed(ctx), allianceNotDissolved(needs.allianceId));
  const [reds, redN, lates, lateN] = await ctx.db.batch([
    ctx.db.select({ id: projects.id, title: projects.title, reason: projects.warningReason }).from(projects).where(red).orderBy(asc(projects.dueOn), asc(projects.id)).limit(SAMPLE),
    ctx.db.select({ n: count() }).from(projects).where(red),
    ctx.db.select({ id: needs.id, title: needs.title, deadline: needs.deadline }).from(needs).where(late).orderBy(asc(needs.deadline), asc(needs.id)).limit(SAMPLE),
    ctx.db.select({ n: count() }).from(needs).where(late),
  ]);
  const t = base(ctx);
  return [
    todo('project.red_warning', 'county_admin', '红色预警项目', `${t}/supervision`, redN[0]?.n ?? 0,
      reds.map((p) => ({ id: p.id, label: p.title, link: `${t}/projects/${p.id}`, ...(p.reason ? { note: p.reason } : {}) }))),
    todo('need.overdue', 'county_admin', '逾期未满足的需求', `${t}/needs?overdue=true`, lateN[0]?.n ?? 0,
      lates.map((n) => ({ id: n.id, label: n.title, link: `${t}/needs?open=${n.id}`, note: `截止 ${n.deadline}` }))),
  ];
}

/**
 * The lead's secretary, over the alliances it runs: claims to confirm,
 * completed projects to accept (验收), needs still waiting for a match.
 */
export async function allianceAdminListTodos(ctx: Ctx, allianceIds: readonly string[]): Promise<TodoItemView[]> {
  if (allianceIds.length === 0) return [];
  const mine = and(inList(projects.allianceId, allianceIds), allianceNotDissolved(projects.allianceId));
  const pending = and(eq(projectClaims.status, 'pending'), mine, notInArray(projects.status, FINAL));
  const completed = and(eq(projects.status, 'completed'), mine);
  const open = and(waiting, inList(needs.allianceId, allianceIds), allianceNotDissolved(needs.allianceId)) as SQL;
  const [claims, claimN, done, doneN, wait, waitN] = await ctx.db.batch([
    ctx.db
      .select({ id: projectClaims.id, projectId: projectClaims.projectId, title: projects.title })
      .from(projectClaims)
      .innerJoin(projects, eq(projects.id, projectClaims.projectId))
      .where(pending)
      .orderBy(asc(projectClaims.claimedAt), asc(projectClaims.id))
      .limit(SAMPLE),
    ctx.db.select({ n: count() }).from(projectClaims).innerJoin(projects, eq(projects.id, projectClaims.projectId)).where(pending),
    ctx.db.select({ id: projects.id, title: projects.title, completedOn: projects.completedOn }).from(projects).where(completed).orderBy(asc(projects.completedOn), asc(projects.id)).limit(SAMPLE),
    ctx.db.select({ n: count() }).from(projects).where(completed),
    ctx.db.select({ id: needs.id, title: needs.title, deadline: needs.deadline }).from(needs).where(open).orderBy(asc(needs.deadline), asc(needs.id)).limit(SAMPLE),
    ctx.db.select({ n: count() }).from(needs).where(open),
  ]);
  const t = base(ctx);
  return [
    todo('claim.to_confirm', 'alliance_admin', '项目认领待确认', `${t}/projects`, claimN[0]?.n ?? 0,
      claims.map((c) => ({ id: c.id, label: c.title, link: `${t}/projects/${c.projectId}` }))),
    todo('project.to_accept', 'alliance_admin', '已完成项目待验收', `${t}/projects?status=completed`, doneN[0]?.n ?? 0,
      done.map((p) => ({ id: p.id, label: p.title, link: `${t}/projects/${p.id}`, ...(p.completedOn ? { note: `${p.completedOn} 完成` } : {}) }))),
    todo('need.waiting_match', 'alliance_admin', '待对接的需求', `${t}/matching`, waitN[0]?.n ?? 0,
      wait.map((n) => ({ id: n.id, label: n.title, link: `${t}/needs?open=${n.id}`, note: `截止 ${n.deadline}` }))),
  ];
}

/**
 * A member organization's liaison, over the projects its organization has a
 * confirmed claim on: to start (claimed), to report progress on (in progress),
 * and 督办意见 on them that nobody has replied to yet.
 */
export async function liaisonListTodos(ctx: Ctx, orgIds: readonly string[]): Promise<TodoItemView[]> {
  if (orgIds.length === 0) return [];
  const claimed = sql`${projects.id} IN (SELECT c.project_id FROM project_claims c WHERE c.status = 'confirmed' AND c.org_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))) AND ${allianceNotDissolved(projects.allianceId)}`;
  const inStatus = (s: 'claimed' | 'in_progress') => and(eq(projects.status, s), claimed);
  const unanswered = and(
    eq(projectNotes.kind, 'supervise'),
    notInArray(projects.status, FINAL),
    claimed,
    sql`NOT EXISTS (SELECT 1 FROM project_notes r WHERE r.reply_to_id = ${projectNotes.id})`,
  );
  const pick = { id: projects.id, title: projects.title, dueOn: projects.dueOn };
  const [toStart, toStartN, toReport, toReportN, notes, notesN] = await ctx.db.batch([
    ctx.db.select(pick).from(projects).where(inStatus('claimed')).orderBy(asc(projects.dueOn), asc(projects.id)).limit(SAMPLE),
    ctx.db.select({ n: count() }).from(projects).where(inStatus('claimed')),
    ctx.db.select(pick).from(projects).where(inStatus('in_progress')).orderBy(asc(projects.dueOn), asc(projects.id)).limit(SAMPLE),
    ctx.db.select({ n: count() }).from(projects).where(inStatus('in_progress')),
    ctx.db
      .select({ id: projectNotes.id, projectId: projectNotes.projectId, title: projects.title, onDate: projectNotes.onDate })
      .from(projectNotes)
      .innerJoin(projects, eq(projects.id, projectNotes.projectId))
      .where(unanswered)
      .orderBy(asc(projectNotes.createdAt), asc(projectNotes.id))
      .limit(SAMPLE),
    ctx.db.select({ n: count() }).from(projectNotes).innerJoin(projects, eq(projects.id, projectNotes.projectId)).where(unanswered),
  ]);
  const t = base(ctx);
  const list = (rows: typeof toStart) => rows.map((p) => ({ id: p.id, label: p.title, link: `${t}/projects/${p.id}`, note: `截止 ${p.dueOn}` }));
  return [
    todo('project.to_start', 'org_liaison', '已确认认领、待开工的项目', `${t}/projects?status=claimed`, toStartN[0]?.n ?? 0, list(toStart)),
    todo('project.to_report', 'org_liaison', '实施中、待报送进度的项目', `${t}/projects?status=in_progress`, toReportN[0]?.n ?? 0, list(toReport)),
    todo('supervision.to_reply', 'org_liaison', '待回复的督办意见', `${t}/supervision`, notesN[0]?.n ?? 0,
      notes.map((n) => ({ id: n.id, label: n.title, link: `${t}/projects/${n.projectId}`, note: `${n.onDate} 督办` }))),
  ];
}

/** 工作台 key figures of the lists, over the given alliances (null: the whole county). */
export async function listFigures(ctx: Ctx, allianceIds: readonly string[] | null) {
  const needIn = allianceIds === null ? undefined : inList(needs.allianceId, allianceIds);
  const projectIn = allianceIds === null ? undefined : inList(projects.allianceId, allianceIds);
  const [byStatus, late, byWarning] = await ctx.db.batch([
    ctx.db.select({ status: needs.status, n: count() }).from(needs).where(needIn).groupBy(needs.status),
    ctx.db.select({ n: count() }).from(needs).where(and(overdueNeed(ctx), needIn)),
    ctx.db
      .select({ warning: projects.warning, n: count() })
      .from(projects)
      .where(and(notInArray(projects.status, FINAL), inArray(projects.warning, ['red', 'yellow', 'green']), projectIn))
      .groupBy(projects.warning),
  ]);
  const need = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const warn = (w: string) => byWarning.find((r) => r.warning === w)?.n ?? 0;
  return {
    needs: { open: need('open'), partlyMet: need('partly_met'), met: need('met'), overdue: late[0]?.n ?? 0 },
    projectsByWarning: { red: warn('red'), yellow: warn('yellow'), green: warn('green') },
  };
}
